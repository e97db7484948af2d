package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;

/**
 * The one port through which proactive messages (invitations, reminders, posted summaries) leave the
 * core. Each platform adapter implements it; the {@link OutboxDispatcher} calls it for queued messages.
 */
public interface MessageSender {

    /**
     * Sends the message, or throws {@link SendFailure} saying whether and when to try again.
     * A message with a replace key may update an earlier message with the same key instead.
     */
    void send(OrgId org, Destination destination, Message message) throws SendFailure;
}
