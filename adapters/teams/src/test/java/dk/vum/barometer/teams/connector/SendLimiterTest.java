package dk.vum.barometer.teams.connector;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter on a clock that only waiting moves: a burst into one thread (as {@code tjekliste alle} posts
 * into one channel) never puts more into any sliding window than Teams allows, other threads are not held
 * up by it, and the tenant's limit holds across threads.
 */
class SendLimiterTest {

    /** Time in nanoseconds that moves only when the limiter parks. */
    static final class FakeTime implements TimeMeter, BlockingStrategy {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long waitNanos) {
            nanos += waitNanos;
        }
    }

    final FakeTime time = new FakeTime();

    @Test
    void aBurstIntoOneThreadKeepsEveryWindowOfTeams() throws Exception {
        SendLimiter limiter = new SendLimiter(7, 1000, time, time);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            limiter.acquire("tenant", "19:nord@thread.tacv2;messageid=" + i % 3);
            sent.add(time.nanos);
        }
        for (SendLimiter.Window w : SendLimiter.THREAD) {
            assertThat(mostInAnyWindow(sent, w.length())).as(w.toString()).isLessThanOrEqualTo((int) w.messages());
        }
        // Not slower than needed for nothing: the first messages of a burst go at once.
        assertThat(sent.subList(0, 4)).containsOnly(0L);
    }

    @Test
    void anotherThreadIsNotHeldUpButTheTenantLimitHoldsAcrossThreads() throws Exception {
        SendLimiter limiter = new SendLimiter(7, 50, time, time);
        for (int i = 0; i < 4; i++) limiter.acquire("tenant", "a:dm-1");
        limiter.acquire("tenant", "a:dm-2");
        assertThat(time.nanos).isZero();
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            limiter.acquire("tenant", "a:dm-" + (i + 10));
            sent.add(time.nanos);
        }
        assertThat(mostInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(50);
    }

    /** The most timestamps in any half-open window [t, t + length). */
    static int mostInAnyWindow(List<Long> sorted, Duration length) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= length.toNanos()) start++;
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
