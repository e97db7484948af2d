package dk.vum.barometer.slack.api;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps calls for one key (a channel, a method) at least {@code interval} apart, so the bot stays within
 * Slack's rate limits instead of collecting 429s: about one message a second per channel, and tier 3
 * (some 50 a minute) for conversations.open. The caller waits for its turn.
 */
public final class Pacer {

    private static final int MAX_KEYS = 10_000;

    /** Waits the given nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> nextFree = Lru.map(MAX_KEYS);

    public Pacer(Duration interval) {
        this(interval, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    Pacer(Duration interval, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public void await(String key) {
        if (intervalNanos <= 0) return;
        long wait;
        synchronized (nextFree) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, nextFree.getOrDefault(key, now));
            nextFree.put(key, slot + intervalNanos);
            wait = slot - now;
        }
        if (wait <= 0) return;
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
