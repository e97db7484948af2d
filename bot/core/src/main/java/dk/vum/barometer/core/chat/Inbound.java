package dk.vum.barometer.core.chat;

import java.util.Map;

/**
 * An event from a chat platform, already translated by its adapter.
 * {@code deliveryId} identifies the delivery (Slack event id, Teams activity id, a web client id);
 * a second delivery with the same id is ignored. It may be null where the platform gives none.
 */
public sealed interface Inbound {

    Address address();

    String deliveryId();

    /** Text typed by the user: a command, a number answering a question, or a comment. */
    record TextInput(Address address, String deliveryId, String text) implements Inbound {
    }

    /** A press on a button the bot sent; {@code action} and {@code value} are what the button carried. */
    record ButtonInput(Address address, String deliveryId, String action, String value) implements Inbound {
    }

    /** A submitted form; {@code values} by field name (user lists comma-separated). */
    record FormInput(Address address, String deliveryId, String formId, Map<String, String> values) implements Inbound {
        public FormInput {
            values = Map.copyOf(values);
        }
    }
}
