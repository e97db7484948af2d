package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.util.List;

/** Message history for the local web chat. */
public interface TranscriptStore {

    /**
     * Appends a message, or, when {@code replaceKey} is set and a message with that key exists in the
     * conversation, replaces it in place (keeping its seq, so the order of seqs never says who changed a
     * message last). Returns the entry as stored.
     */
    TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload);

    /**
     * Replaces the message with {@code replaceKey} (or appends it) and moves it to the end with a fresh seq:
     * a message reposted below what the person just typed.
     */
    TranscriptEntry repost(OrgId org, String conversationId, String replaceKey, String payload);

    /**
     * Up to {@code limit} entries after {@code afterSeq}, in seq order, preceded by every replaceable entry at
     * or before it (which may have been replaced since), so a reader polling with the last seq it saw sees both.
     */
    List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit);

    /** Conversation ids that have any message. */
    List<String> conversations(OrgId org);
}
