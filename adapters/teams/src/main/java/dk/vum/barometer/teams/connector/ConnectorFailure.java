package dk.vum.barometer.teams.connector;

import java.time.Duration;

/**
 * A Bot Connector call that failed: the HTTP status (0 when no answer came) and the wait the service
 * asked for (Retry-After), or null.
 */
public final class ConnectorFailure extends Exception {

    private final int status;
    private final Duration retryAfter;

    public ConnectorFailure(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Throttled (429), a precondition race (412), the gateway (502, 503, 504) or no answer: try again later. */
    public boolean retryable() {
        return status == 0 || status == 429 || status == 412 || status == 502 || status == 504 || status == 503;
    }
}
