package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;

import java.util.List;
import java.util.Optional;

/**
 * Drafts (linked to a person, to resume) and anonymous responses (linked to nobody).
 *
 * <p>Anonymity at rest: drafts are kept encrypted, with a key that is not in the database. {@link #submit}
 * deletes the draft and leaves the respondent with nothing but "submitted"; it does not write a response:
 * it seals the submission (encrypted, durably), and {@link #mixSealed} or the round's close moves sealed
 * submissions into responses (a random id and the report group only, no time) in batches, so a response
 * is tied to a batch of people, never to one. Every accepted submission is among the {@link #responses}
 * once the round is closed.
 */
public interface ResponseStore {

    Optional<Draft> draft(OrgId org, int measurement, String userId);

    /** The users who have a draft (a questionnaire under way) of the measurement. */
    List<String> drafting(OrgId org, int measurement);

    /**
     * Saves a draft if {@code expectedVersion} matches the stored version (0 for a new draft) and the
     * respondent has not submitted. Returns false if another write came first or it is too late.
     * Drafts are stored padded to one fixed size (so no stored length says how much someone wrote):
     * a state that would not fit is refused with {@link DraftTooLargeException}, and nothing is written.
     */
    boolean saveDraft(OrgId org, int measurement, String userId, String state, long expectedVersion);

    /**
     * Hands in the answers; only {@link SubmitResult#ACCEPTED} changed anything. A submission is sealed
     * padded like a draft: one that would not fit is refused with {@link DraftTooLargeException} (only a
     * draft kept from an older, roomier format can be that large).
     */
    SubmitResult submit(OrgId org, int measurement, String userId, Submission submission);

    /**
     * Moves sealed submissions that are due into responses (see above); idempotent and safe to run from
     * several instances at once. Returns how many submissions it moved. The host runs it in the background; closing a round mixes the rest.
     */
    int mixSealed();

    /** The anonymous responses; complete once the measurement is closed. */
    List<StoredResponse> responses(OrgId org, int measurement);

    List<StoredComment> comments(OrgId org, int measurement);
}
