package dk.vum.barometer.core;

import dk.vum.barometer.core.chat.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that a chat adapter does after it acknowledged a platform's request: on a small pool, so the
 * platform hears back at once, but one user's work at a time and in the order it came, so a slow reply
 * can never overtake a later one (the thanks after a submission must be the last word). Different users'
 * work runs side by side.
 */
public final class PerUserQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PerUserQueue.class);

    private final String name;
    private final ExecutorService workers;
    /** The last piece of work queued per user; the next one runs after it. */
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public PerUserQueue(String name, int threads) {
        this.name = name;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} after the user's earlier work; a failure is logged and does not hold up the next. */
    public void submit(OrgId org, String userId, Runnable work) {
        String key = org.value() + "\n" + userId;
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // No user id here: the log must never tie a person to what they did.
                LOG.warn("{}: work for a user in {} failed", name, org, e);
            }
        };
        CompletableFuture<Void> queued = tails.compute(key, (k, tail) ->
                tail == null ? CompletableFuture.runAsync(guarded, workers) : tail.thenRunAsync(guarded, workers));
        queued.whenComplete((ok, e) -> tails.remove(key, queued));
    }

    /** Lets queued work finish (for at most ten seconds), then stops. */
    @Override
    public void close() {
        Background.stop(workers);
    }
}
