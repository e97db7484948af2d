package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.TranscriptStore;

import java.util.List;

/**
 * Proactive messages for the local web chat: a direct message lands in {@code dm:<userId>}, a channel
 * message in the channel; a replace key replaces the earlier message in place. The page shows them on
 * its next poll. Only the chat's own channels exist: a message for any other fails for good rather than
 * creating a channel.
 */
public final class LocalMessageSender implements MessageSender {

    private final OrgId org;
    private final ConversationLog log;
    private final List<String> channels;

    /** @param channels the chat's channel ids, as given to {@link WebChatPlugin} */
    public LocalMessageSender(TranscriptStore transcripts, OrgId org, List<String> channels) {
        this.org = org;
        this.log = new ConversationLog(transcripts, org);
        this.channels = List.copyOf(channels);
    }

    @Override
    public void send(OrgId org, Destination destination, Message message) throws SendFailure {
        if (!this.org.equals(org)) throw SendFailure.permanent("not the local web chat's organisation: " + org);
        String conversationId = conversationOf(destination);
        try {
            log.append(conversationId, message);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure("could not store the message: " + e.getMessage());
        }
    }

    private String conversationOf(Destination destination) throws SendFailure {
        if (destination instanceof Destination.Direct) return Conversations.directId(destination.id());
        if (!channels.contains(destination.id())) throw SendFailure.permanent("no such channel: " + destination.id());
        return destination.id();
    }
}
