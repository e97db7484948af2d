package dk.vum.barometer.core.rhythm;

import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.TeamRhythm;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.rounds.WorkingHours;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.RhythmStore;
import dk.vum.barometer.core.store.UnitOfWork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * A team's repeated measurement every N months ("rytme gentag 6"): when the team's latest measurement is
 * closed and N months have passed since it opened, the next round of the series is created with the same
 * respondents, started, and the coordinator who made the last one is told. The repetition is claimed in the
 * store in the same unit of work, so each measurement is repeated once, whatever restarts or instances,
 * and a claimed repetition is always started.
 */
public final class RepeatedMeasurements {

    /** The repeated round's deadline, from the day it starts. */
    static final int ROUND_DAYS = 14;

    private final OrganisationStore organisations;
    private final MeasurementStore measurements;
    private final RhythmStore rhythms;
    private final MeasurementCommands rounds;
    private final OutboxStore outbox;
    private final UnitOfWork units;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public RepeatedMeasurements(OrganisationStore organisations, MeasurementStore measurements, RhythmStore rhythms,
                                MeasurementCommands rounds, OutboxStore outbox, UnitOfWork units, Directory directory,
                                Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.measurements = measurements;
        this.rhythms = rhythms;
        this.rounds = rounds;
        this.outbox = outbox;
        this.units = units;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public void runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (!WorkingHours.contains(now)) return;
        LocalDate today = now.toLocalDate();
        for (OrgId org : organisations.organisations()) {
            List<TeamRhythm> repeating = rhythms.rhythms(org).stream().filter(r -> r.repeatMonths() != null).toList();
            if (repeating.isEmpty()) continue;
            List<Measurement> all = measurements.measurements(org);
            for (TeamRhythm r : repeating) {
                Optional<Measurement> latest = all.stream()
                        .filter(m -> r.channelId().equals(m.resultsChannel())).findFirst();
                if (latest.isEmpty() || !latest.get().isClosed() || latest.get().openedOn() == null
                        || today.isBefore(latest.get().openedOn().plusMonths(r.repeatMonths()))) {
                    continue;
                }
                // the claim, the new round and the coordinator's notice commit together: a crash between them
                // would otherwise leave the repetition claimed and never started
                units.inTransaction(() -> repeat(org, r, latest.get(), today));
            }
        }
    }

    private Void repeat(OrgId org, TeamRhythm r, Measurement latest, LocalDate today) {
        if (!rhythms.claimRepeat(org, r.channelId(), latest.number())) return null;
        Measurement next = rounds.repeatAndStart(latest, today.plusDays(ROUND_DAYS));
        String coordinator = latest.createdBy();
        outbox.enqueue(List.of(Outbox.message(org, new Destination.Direct(coordinator),
                Message.text(t(directory.language(org, coordinator), "rhythm.repeated", next.number(), next.name(),
                        latest.number(), "#" + r.channelId(), next.deadline().format(DAY))),
                "rhythm:repeat:" + next.number())));
        return null;
    }
}
