package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends queued messages through the sender of each organisation's platform. A message is marked sent
 * only after its platform accepted it; a crash in between means the lease runs out and it is tried
 * again (at least once: a message with a replace key replaces itself, others may show twice in that rare case).
 * Failures back off exponentially with jitter; a 429 waits as long as the platform asked.
 * A queued questionnaire message ({@link Outbox}) is rendered as it is now, just before it is sent.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final OutboxStore store;
    private final Map<Platform, MessageSender> senders;
    private final CurrentMessages current;
    private final Clock clock;

    public OutboxDispatcher(OutboxStore store, Map<Platform, MessageSender> senders, CurrentMessages current, Clock clock) {
        this.store = store;
        this.senders = Map.copyOf(senders);
        this.current = current;
        this.clock = clock;
    }

    /** Sends everything that is due now; returns how many were sent. Run in the background and by tests. */
    public int drain() {
        int sent = 0;
        List<PendingDelivery> batch;
        do {
            batch = store.claimDue(Instant.now(clock), BATCH, LEASE);
            for (PendingDelivery delivery : batch) {
                if (deliver(delivery)) sent++;
            }
        } while (batch.size() == BATCH);
        return sent;
    }

    private boolean deliver(PendingDelivery delivery) {
        var message = delivery.message();
        MessageSender sender = senders.get(message.org().platform());
        if (sender == null) {
            store.retryLater(delivery.id(), Instant.now(clock).plus(Duration.ofMinutes(5)), "no sender for " + message.org().platform());
            return false;
        }
        try {
            Message queued = MessageCodec.fromJson(message.payload());
            Optional<Message> toSend = Outbox.isRefresh(queued)
                    ? current.of(message.org(), message.destinationId(), queued.replaceKey())
                            .map(now -> queued.repost() ? now.reposted() : now)
                    : Optional.of(queued);
            if (toSend.isPresent()) sender.send(message.org(), Outbox.destination(message), toSend.get());
            store.markSent(delivery.id());
            return true;
        } catch (SendFailure f) {
            int attempts = delivery.attempts() + 1;
            if (f.permanent() || attempts >= MAX_ATTEMPTS) {
                LOG.warn("Giving up on outbox message {} after {} attempts: {}", delivery.id(), attempts, f.getMessage());
                store.markFailed(delivery.id(), f.getMessage());
            } else {
                Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(attempts);
                store.retryLater(delivery.id(), Instant.now(clock).plus(wait), f.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            LOG.error("Sender failed on outbox message {}", delivery.id(), e);
            store.retryLater(delivery.id(), Instant.now(clock).plus(backoff(delivery.attempts() + 1)), String.valueOf(e));
            return false;
        }
    }

    /** 2, 4, 8 ... seconds, capped at 15 minutes, with up to 50 % jitter so retries do not march in step. */
    static Duration backoff(int attempts) {
        long base = Math.min(900_000L, 1000L << Math.min(attempts, 20));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
