package dk.vum.barometer.core;

import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;

import java.util.List;

/**
 * The platform-free bot: takes one inbound event and returns the replies for the conversation it came
 * from. Messages for other conversations (invitations, posted summaries) go through the outbox.
 * Never throws for bad input: unknown commands get help, refusals get a clear message.
 */
public interface ChatBot {

    List<Message> handle(Inbound event);
}
