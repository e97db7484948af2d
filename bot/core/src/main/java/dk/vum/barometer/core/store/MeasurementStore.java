package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.ResponseCounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Measurements, their pinned content and their respondents. */
public interface MeasurementStore {

    /** Stores questionnaire JSON under its content hash; storing the same hash twice is a no-op. */
    void saveContent(String hash, String json);

    Optional<String> content(String hash);

    /** Creates a DRAFT measurement with the next free number of the organisation. */
    Measurement createMeasurement(NewMeasurement measurement);

    Optional<Measurement> measurement(OrgId org, int number);

    /** All measurements of the organisation, newest first. */
    List<Measurement> measurements(OrgId org);

    /**
     * Registers respondents (user id to role) of a DRAFT or OPEN measurement. A user already registered
     * keeps their row. If the measurement is OPEN, in the same transaction the new respondents are
     * INVITED and those of {@code invitations} addressed to them are queued (the others are dropped).
     * Returns the users that were added by this call.
     */
    List<String> addRespondents(OrgId org, int measurement, Map<String, RespondentRole> respondents,
                                List<OutboxMessage> invitations);

    List<Respondent> respondents(OrgId org, int measurement);

    Optional<Respondent> respondent(OrgId org, int measurement, String userId);

    /** The user's registrations on OPEN measurements that they have not submitted. */
    List<Respondent> openQuestionnaires(OrgId org, String userId);

    /** Registered and submitted counts per report group. */
    List<ResponseCounts> responseCounts(OrgId org, int measurement);

    /**
     * DRAFT to OPEN on {@code openedOn} with the group minimums the invitations promise, and in the same
     * transaction marks every REGISTERED respondent INVITED and queues the given messages. Returns false
     * (and changes nothing) if it was not DRAFT.
     */
    boolean open(OrgId org, int measurement, LocalDate openedOn, OrgSettings thresholds, List<OutboxMessage> invitations);

    /**
     * OPEN to CLOSED; final. In the same transaction turns every sealed submission into a response (see
     * {@link ResponseStore#mixSealed}), then deletes the drafts of those who never submitted: they are
     * linked to people and no longer needed. Returns false if the measurement was not OPEN.
     */
    boolean close(OrgId org, int measurement);

    /** Renames a measurement that has not started (DRAFT); false (and nothing changed) otherwise. */
    boolean rename(OrgId org, int measurement, String name);

    /** Deletes a measurement that has not started (DRAFT), with its registrations; false otherwise. */
    boolean deleteDraft(OrgId org, int measurement);

    /**
     * Unregisters a respondent of a measurement that has not started (DRAFT); false if it has started or the
     * person is not registered. After the start nobody is removed: whether it worked would tell whether they answered.
     */
    boolean removeRespondent(OrgId org, int measurement, String userId);

    /** Moves the deadline of a measurement that is not CLOSED; false otherwise. */
    boolean changeDeadline(OrgId org, int measurement, LocalDate deadline);

    /**
     * Moves the automatic reminder count from {@code expectedSent} to {@code newSent} and queues the
     * reminders, only if the measurement is OPEN and its count is {@code expectedSent}; returns true if so.
     */
    boolean recordAutomaticReminder(OrgId org, int measurement, int expectedSent, int newSent, List<OutboxMessage> reminders);
}
