package dk.vum.barometer.core.store;

import java.time.Instant;

/** An outbox row that is due for (another) attempt. */
public record PendingDelivery(long id, OutboxMessage message, int attempts, Instant notBefore) {
}
