package dk.vum.barometer.core;

import dk.vum.barometer.core.chat.Message;

/**
 * Thrown by a handler that must say no (no role, closed round, bad argument). The bot turns it into
 * its reply. Handlers check before they write, so a refusal leaves nothing half done.
 */
public final class Refusal extends RuntimeException {

    private final transient Message reply;

    public Refusal(Message reply) {
        super(reply.plainText(), null, false, false);
        this.reply = reply;
    }

    public Refusal(String text) {
        this(Message.text(text));
    }

    public Message reply() {
        return reply;
    }
}
