package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.OutboxMessage;

/** Builds outbox rows from neutral messages. */
public final class Outbox {

    private Outbox() {
    }

    public static OutboxMessage message(OrgId org, Destination destination, Message message, String dedupeKey) {
        String kind = destination instanceof Destination.Direct ? "direct" : "channel";
        return new OutboxMessage(org, kind, destination.id(), MessageCodec.toJson(message), dedupeKey);
    }

    public static Destination destination(OutboxMessage message) {
        return "direct".equals(message.destinationKind())
                ? new Destination.Direct(message.destinationId())
                : new Destination.Channel(message.destinationId());
    }
}
