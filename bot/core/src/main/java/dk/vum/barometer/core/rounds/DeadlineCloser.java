package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.UnitOfWork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Closes open rounds whose deadline has passed (the deadline is the last day, in the organisation's time
 * zone, Europe/Copenhagen) and tells the coordinator who created each through the outbox. Closing is a
 * compare-and-set and the notice has a dedupe key, so two instances or a restart close and tell once.
 */
public final class DeadlineCloser {

    private final OrganisationStore organisations;
    private final MeasurementStore measurements;
    private final OutboxStore outbox;
    private final UnitOfWork units;
    private final RoundCloser closer;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public DeadlineCloser(OrganisationStore organisations, MeasurementStore measurements, OutboxStore outbox, UnitOfWork units,
                          RoundCloser closer, Directory directory, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.measurements = measurements;
        this.outbox = outbox;
        this.units = units;
        this.closer = closer;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** Closes every round past its deadline; returns how many it closed. */
    public int runDue() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int closed = 0;
        for (OrgId org : organisations.organisations()) {
            for (Measurement m : measurements.measurements(org)) {
                if (!m.isOpen() || !today.isAfter(m.deadline())) continue;
                // the close and its notices commit together: a crash between them would lose the notices
                if (units.inTransaction(() -> close(org, m))) closed++;
            }
        }
        return closed;
    }

    private boolean close(OrgId org, Measurement m) {
        if (!closer.close(m)) return false;
        if (m.createdBy() != null) {
            outbox.enqueue(List.of(Outbox.message(org, new Destination.Direct(m.createdBy()),
                    notice(directory.language(org, m.createdBy()), m), "deadline-closed:" + m.number())));
        }
        return true;
    }

    private Message notice(Language lang, Measurement m) {
        return Message.of(new Block.Paragraph(t(lang, "deadline.closed", m.number(), m.name(), m.deadline().format(DAY),
                        RoundTexts.total(lang, measurements.responseCounts(m.org(), m.number())))),
                new Block.Context(t(lang, "close.next", m.number())));
    }
}
