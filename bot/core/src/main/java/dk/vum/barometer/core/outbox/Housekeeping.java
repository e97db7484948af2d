package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.files.HostedFileStore;
import dk.vum.barometer.core.store.DeliveryLog;
import dk.vum.barometer.core.store.OutboxStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what is only kept for a while: sent outbox messages (they name who was invited or reminded
 * when), delivery ids (kept long enough to catch a platform's retries) and expired hosted files.
 */
public final class Housekeeping {

    public static final Duration KEEP_SENT = Duration.ofDays(30);
    public static final Duration KEEP_DELIVERIES = Duration.ofDays(2);

    private final OutboxStore outbox;
    private final DeliveryLog deliveries;
    private final HostedFileStore files;
    private final Clock clock;

    public Housekeeping(OutboxStore outbox, DeliveryLog deliveries, HostedFileStore files, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.files = files;
        this.clock = clock;
    }

    /** Returns how many rows were deleted. */
    public int run() {
        Instant now = Instant.now(clock);
        return outbox.purgeSent(now.minus(KEEP_SENT)) + deliveries.purgeDeliveries(now.minus(KEEP_DELIVERIES))
                + files.purgeFiles(now);
    }
}
