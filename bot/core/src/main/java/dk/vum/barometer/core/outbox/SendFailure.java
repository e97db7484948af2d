package dk.vum.barometer.core.outbox;

import java.time.Duration;

/**
 * Why a send failed. {@code permanent} failures (a user who blocked the bot, an unknown channel) are
 * not retried; others are, after {@code retryAfter} when the platform said so (HTTP 429 Retry-After).
 */
public class SendFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    private SendFailure(String message, boolean permanent, Duration retryAfter) {
        super(message);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static SendFailure permanent(String reason) {
        return new SendFailure(reason, true, null);
    }

    public static SendFailure transientFailure(String reason) {
        return new SendFailure(reason, false, null);
    }

    public static SendFailure rateLimited(Duration retryAfter) {
        return new SendFailure("rate limited", false, retryAfter);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The wait the platform asked for, or null to use the dispatcher's backoff. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
