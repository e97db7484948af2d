package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Submission;

import java.sql.Connection;
import java.sql.SQLException;

/** How an accepted submission becomes an anonymous response: sealed, and mixed later in batches. */
interface Handover {

    /** Inside the submitting transaction, which also deletes the draft and marks the respondent submitted. */
    void accept(Connection c, DraftOwner owner, Submission submission) throws SQLException;

    /**
     * Inside the closing transaction, after the status changed and before the unsubmitted drafts are
     * deleted: whatever is still waiting becomes a response now.
     */
    void closing(Connection c, OrgId org, int measurement) throws SQLException;

    /** Mixes what is due, in transactions of its own; returns how many submissions were mixed. */
    int mixDue(Jdbc jdbc);
}
