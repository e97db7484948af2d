package dk.vum.barometer.teams;

import dk.vum.barometer.teams.connector.ConnectorFailure;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a Bot Connector call that failed for a passing reason (429, 412, 502, 504, no answer): waits as
 * long as Teams asked (Retry-After), or backs off exponentially with jitter, a few times.
 */
final class Retry {

    interface Call {
        void run() throws ConnectorFailure;
    }

    private final int attempts;
    private final Duration base;

    Retry(int attempts, Duration base) {
        this.attempts = attempts;
        this.base = base;
    }

    void run(Call call) throws ConnectorFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (ConnectorFailure f) {
                if (!f.retryable() || attempt >= attempts) throw f;
                Thread.sleep(wait(f, attempt).toMillis());
            }
        }
    }

    private Duration wait(ConnectorFailure f, int attempt) {
        if (f.retryAfter() != null) return f.retryAfter();
        long millis = base.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
