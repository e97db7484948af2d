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
 * <p>Anonymity at rest: {@link #submit} moves the answers in one transaction into a response with a
 * random id and the report group only (no time); it deletes the draft so that no trace of it remains
 * in the database files, and leaves the respondent with nothing but "submitted".
 */
public interface ResponseStore {

    Optional<Draft> draft(OrgId org, int measurement, String userId);

    /**
     * Saves a draft if {@code expectedVersion} matches the stored version (0 for a new draft) and the
     * respondent has not submitted. Returns false if another write came first or it is too late.
     */
    boolean saveDraft(OrgId org, int measurement, String userId, String state, long expectedVersion);

    /** Hands in the answers; only {@link SubmitResult#ACCEPTED} changed anything. */
    SubmitResult submit(OrgId org, int measurement, String userId, Submission submission);

    List<StoredResponse> responses(OrgId org, int measurement);

    List<StoredComment> comments(OrgId org, int measurement);
}
