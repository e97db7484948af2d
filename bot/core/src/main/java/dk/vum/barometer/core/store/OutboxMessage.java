package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

/**
 * A proactive message waiting to be sent.
 *
 * @param destinationKind "direct" or "channel"
 * @param payload         the neutral message as JSON (see {@code MessageCodec})
 * @param dedupeKey       unique per organisation: queuing the same key twice queues it once
 */
public record OutboxMessage(OrgId org, String destinationKind, String destinationId, String payload, String dedupeKey) {
}
