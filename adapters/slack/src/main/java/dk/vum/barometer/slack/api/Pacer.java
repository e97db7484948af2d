package dk.vum.barometer.slack.api;

import java.time.Duration;
import java.util.Map;

/**
 * Keeps calls for one key (a channel, a method) at least {@code interval} apart, so the bot stays within
 * Slack's rate limits instead of collecting 429s: about one message a second per channel, and tier 3
 * (some 50 a minute) for conversations.open. The caller waits for its turn.
 */
public final class Pacer {

    private static final int MAX_KEYS = 10_000;

    private final long intervalNanos;
    private final Map<String, Long> nextFree = Lru.map(MAX_KEYS);

    public Pacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    public void await(String key) {
        if (intervalNanos <= 0) return;
        long slot;
        synchronized (nextFree) {
            long now = System.nanoTime();
            slot = Math.max(now, nextFree.getOrDefault(key, now));
            nextFree.put(key, slot + intervalNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
