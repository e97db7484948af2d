package dk.vum.barometer.slack.api;

import dk.vum.barometer.core.outbox.SendFailure;

import java.time.Duration;

/**
 * A reply someone is waiting for, tried again after the wait Slack asked for (HTTP 429 {@code Retry-After}),
 * a few times, instead of at once or after a fixed second. Longer waits than {@link #MAX_WAIT} are left to
 * the outbox, which honours them too.
 */
public final class RateLimitRetry {

    static final int ATTEMPTS = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** One try. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws SendFailure;
    }

    private final Pacer.Sleeper sleeper;

    public RateLimitRetry() {
        this(nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    RateLimitRetry(Pacer.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public void run(Attempt attempt) throws SendFailure {
        for (int i = 1; ; i++) {
            try {
                attempt.run();
                return;
            } catch (SendFailure f) {
                Duration wait = f.retryAfter();
                if (wait == null || i >= ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) throw f;
                try {
                    sleeper.sleep(wait.toNanos());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw f;
                }
            }
        }
    }
}
