package dk.vum.barometer.teams.connector;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

import java.time.Duration;
import java.util.List;

/**
 * Keeps to Teams' rate limits before a message leaves, waiting rather than drawing a 429: per thread (a
 * personal chat or a channel conversation) at most 7 messages in any 1 s, 8 in any 2 s, 60 in any 30 s and
 * 1,800 in any hour; per tenant the app's global limit.
 * <p>
 * Each window of n messages in T is one Bucket4j bandwidth with a burst of n/2 and a greedy refill of n/2
 * per T: whatever the timing, a sliding window of length T then holds at most n/2 + n/2 = n messages. A
 * thread's bucket holds all four bandwidths, so a message waits until every window has room.
 */
public final class SendLimiter {

    /** A sliding-window limit: at most {@code messages} in any {@code length}. */
    public record Window(long messages, Duration length) {

        Window scaled(double factor) {
            return new Window(Math.max(2, Math.round(messages * factor)), length);
        }

        Bandwidth bandwidth() {
            long burst = (messages + 1) / 2;
            return Bandwidth.builder().capacity(burst).refillGreedy(messages - burst, length).build();
        }
    }

    /** Teams' limits per bot per thread. */
    public static final List<Window> THREAD = List.of(new Window(7, Duration.ofSeconds(1)),
            new Window(8, Duration.ofSeconds(2)), new Window(60, Duration.ofSeconds(30)), new Window(1800, Duration.ofHours(1)));

    private final LoadingCache<String, Bucket> threads;
    private final LoadingCache<String, Bucket> tenants;
    private final BlockingStrategy blocking;

    /**
     * @param perThreadSecond Teams' 7 per second scales every thread window (more only for tests)
     * @param perTenantSecond most messages per second per tenant
     */
    public SendLimiter(double perThreadSecond, double perTenantSecond) {
        this(perThreadSecond, perTenantSecond, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** With a clock and a way to wait of one's own: a test passes a clock that waiting moves forward. */
    public SendLimiter(double perThreadSecond, double perTenantSecond, TimeMeter time, BlockingStrategy blocking) {
        double factor = perThreadSecond / THREAD.get(0).messages();
        this.threads = buckets(THREAD.stream().map(w -> w.scaled(factor)).toList(), time);
        this.tenants = buckets(List.of(new Window(Math.max(2, Math.round(perTenantSecond)), Duration.ofSeconds(1))), time);
        this.blocking = blocking;
    }

    private static LoadingCache<String, Bucket> buckets(List<Window> windows, TimeMeter time) {
        // A bucket idle for longer than its longest window is full again: forgetting it changes nothing.
        Duration idle = windows.stream().map(Window::length).max(Duration::compareTo).orElseThrow().plusMinutes(1);
        return CacheBuilder.newBuilder().expireAfterAccess(idle).build(CacheLoader.from(key -> {
            LocalBucketBuilder bucket = Bucket.builder().withCustomTimePrecision(time);
            windows.forEach(w -> bucket.addLimit(w.bandwidth()));
            return bucket.build();
        }));
    }

    /** Blocks until a message may go into this conversation of this tenant; a channel's threads count as the channel. */
    public void acquire(String tenantId, String conversationId) throws InterruptedException {
        int reply = conversationId.indexOf(";messageid=");
        String thread = reply < 0 ? conversationId : conversationId.substring(0, reply);
        tenants.getUnchecked(tenantId == null ? "" : tenantId).asBlocking().consume(1, blocking);
        threads.getUnchecked(thread).asBlocking().consume(1, blocking);
    }
}
