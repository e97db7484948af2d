package dk.vum.barometer.core.rounds;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OrganisationStore;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;

/**
 * Sends automatic reminders to respondents who have not submitted, when the {@link ReminderPolicy} says
 * a round is due. Recording the round and queuing its messages is one transaction, so a restart or a
 * second instance never sends a round twice.
 */
public final class ReminderService {

    private final OrganisationStore organisations;
    private final MeasurementStore measurements;
    private final Invitations invitations;
    private final ReminderPolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    public ReminderService(OrganisationStore organisations, MeasurementStore measurements, Invitations invitations, ReminderPolicy policy, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.measurements = measurements;
        this.invitations = invitations;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
    }

    /** Queues every reminder round that is due now; returns how many reminders were queued. */
    public int runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        int queued = 0;
        for (OrgId org : organisations.organisations()) {
            for (Measurement m : measurements.measurements(org)) {
                if (!m.isOpen()) continue;
                OptionalInt round = policy.dueRound(now, m.deadline(), m.openedOn(), m.autoReminders());
                if (round.isEmpty()) continue;
                List<Respondent> waiting = measurements.respondents(org, m.number()).stream()
                        .filter(r -> r.status() == RespondentStatus.INVITED).toList();
                if (measurements.recordAutomaticReminder(org, m.number(), m.autoReminders(), round.getAsInt(),
                        invitations.reminders(m, waiting, "auto-" + round.getAsInt()))) {
                    queued += waiting.size();
                }
            }
        }
        return queued;
    }
}
