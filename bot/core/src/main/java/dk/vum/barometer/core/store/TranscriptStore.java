package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.util.List;

/** Message history for the local web chat. */
public interface TranscriptStore {

    /**
     * Appends a message, or, when {@code replaceKey} is set and a message with that key exists in the
     * conversation, replaces it (giving it a new seq). Returns the entry as stored.
     */
    TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload);

    List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit);

    /** Conversation ids that have any message. */
    List<String> conversations(OrgId org);
}
