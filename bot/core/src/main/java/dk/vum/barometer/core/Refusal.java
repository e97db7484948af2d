package dk.vum.barometer.core;

import dk.vum.barometer.core.chat.Block;
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

    /** A refusal of one field of a submitted form, shown at the field where the platform can. */
    public static Refusal onField(String field, String text) {
        return new Refusal(Message.of(new Block.FieldError(field, text)));
    }

    /** True if the refusal is about a field of a form that can be corrected and sent again. */
    public boolean aboutField() {
        return reply.blocks().stream().anyMatch(Block.FieldError.class::isInstance);
    }

    public Message reply() {
        return reply;
    }
}
