package dk.vum.barometer.core.model;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;

import java.time.LocalDate;
import java.util.Map;

/**
 * A measurement ("måling"): one round of the barometer for a stage.
 *
 * @param number         per-organisation number shown to users ("måling 3")
 * @param resultsChannel channel id where summaries are posted, or null
 * @param compareWith    number of the earlier measurement this one is compared with, or null
 * @param contentHashes  the questionnaire content pinned at creation, per audience
 * @param autoReminders  how many automatic reminder rounds have been sent (at most two)
 * @param openedOn       the day invitations went out, or null while DRAFT
 * @param thresholds     the group minimums in force when the round opened (the ones the invitation
 *                       promised), or null while DRAFT; a report never uses lower ones
 */
public record Measurement(
        OrgId org,
        int number,
        String name,
        Stage stage,
        LocalDate deadline,
        String resultsChannel,
        Integer compareWith,
        Map<Audience, String> contentHashes,
        MeasurementStatus status,
        int autoReminders,
        String createdBy,
        LocalDate createdOn,
        LocalDate openedOn,
        OrgSettings thresholds) {

    public Measurement {
        contentHashes = Map.copyOf(contentHashes);
    }

    public boolean isOpen() {
        return status == MeasurementStatus.OPEN;
    }

    public boolean isClosed() {
        return status == MeasurementStatus.CLOSED;
    }

    /** The minimums to report with: those promised at the start, or today's where higher. */
    public OrgSettings reportingThresholds(OrgSettings today) {
        return OrgSettings.strictest(thresholds, today);
    }

    /** The same measurement, compared with another (for an ad hoc comparison; nothing is stored). */
    public Measurement comparedWith(int earlier) {
        return new Measurement(org, number, name, stage, deadline, resultsChannel, earlier, contentHashes, status,
                autoReminders, createdBy, createdOn, openedOn, thresholds);
    }
}
