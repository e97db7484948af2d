package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The persisted outbox: proactive messages survive restarts and are sent once. */
public interface OutboxStore {

    /**
     * Queues messages; those whose dedupe key is already queued (or sent) are skipped. A message given up
     * on ({@link #markFailed}) is queued afresh under its key: asking again is a new request, not a retry.
     */
    void enqueue(List<OutboxMessage> messages);

    /**
     * How many of these dedupe keys are queued or sent already, so {@link #enqueue} would skip them (one
     * given up on is not counted: it would be queued afresh).
     */
    int queuedAlready(OrgId org, Collection<String> dedupeKeys);

    /**
     * Claims up to {@code limit} due messages for {@code leaseFor}: a claimed message is not handed out
     * again until the lease runs out, so a crashed sender's work is retried, and two senders never
     * work on the same message at once.
     */
    List<PendingDelivery> claimDue(Instant now, int limit, Duration leaseFor);

    void markSent(long id);

    /** Schedules another attempt. */
    void retryLater(long id, Instant notBefore, String error);

    /** Gives up on a message that can never be delivered (e.g. the user blocked the bot). */
    void markFailed(long id, String error);

    /** Messages for an organisation that were given up on, with their destination, for the coordinator. */
    List<OutboxMessage> failed(OrgId org);

    /** Deletes sent messages older than the cutoff; returns how many. */
    int purgeSent(Instant olderThan);
}
