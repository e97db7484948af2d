package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.MessageCodec;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.TranscriptStore;

import java.util.List;

/**
 * The bot's messages in the local chat's conversations, kept in the transcript store because a browser
 * keeps no history. Only bot messages are ever appended: what a person types is never stored.
 */
final class ConversationLog {

    private final TranscriptStore transcripts;
    private final OrgId org;

    ConversationLog(TranscriptStore transcripts, OrgId org) {
        this.transcripts = transcripts;
        this.org = org;
    }

    /** Appends the message, or replaces the earlier one with the same replace key (a repost moves it to the end). */
    TranscriptEntry append(String conversationId, Message message) {
        String payload = MessageCodec.toJson(message);
        if (message.repost() && message.replaceKey() != null) {
            return transcripts.repost(org, conversationId, message.replaceKey(), payload);
        }
        return transcripts.append(org, conversationId, message.replaceKey(), payload);
    }

    List<TranscriptEntry> after(String conversationId, long afterSeq, int limit) {
        return transcripts.transcript(org, conversationId, afterSeq, limit);
    }
}
