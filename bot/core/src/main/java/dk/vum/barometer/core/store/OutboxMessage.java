package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

/**
 * A proactive message waiting to be sent.
 *
 * @param destinationKind "direct" or "channel"
 * @param payload         the neutral message as JSON (see {@code MessageCodec})
 * @param dedupeKey       unique per organisation: queuing the same key twice queues it once
 * @param requestedBy     for a channel post, the user who asked for it (told when the channel refuses it); else null
 */
public record OutboxMessage(OrgId org, String destinationKind, String destinationId, String payload, String dedupeKey,
                            String requestedBy) {

    public OutboxMessage(OrgId org, String destinationKind, String destinationId, String payload, String dedupeKey) {
        this(org, destinationKind, destinationId, payload, dedupeKey, null);
    }
}
