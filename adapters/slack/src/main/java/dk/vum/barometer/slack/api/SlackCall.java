package dk.vum.barometer.slack.api;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dk.vum.barometer.core.outbox.SendFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * One Web API call, with Slack's answers turned into the outbox's terms: HTTP 429 waits as long as
 * {@code Retry-After} says; server errors and network trouble are tried again later; errors that no retry
 * can mend (a revoked token, an unknown user or channel) are permanent.
 */
public final class SlackCall {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    /** A Web API method call, as the Slack client offers it. */
    @FunctionalInterface
    public interface Method<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private SlackCall() {
    }

    public static <T extends SlackApiTextResponse> T run(String method, Method<T> call) throws SendFailure {
        T response;
        try {
            response = call.call();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) throw SendFailure.rateLimited(retryAfter(e.getResponse().header("Retry-After")));
            if (status >= 500) throw SendFailure.transientFailure(method + ": HTTP " + status);
            throw SendFailure.permanent(method + ": HTTP " + status);
        } catch (IOException e) {
            throw SendFailure.transientFailure(method + ": " + e.getMessage());
        }
        if (response == null) throw SendFailure.transientFailure(method + ": no answer");
        if (!response.isOk()) {
            String error = response.getError();
            if ("ratelimited".equals(error)) throw SendFailure.rateLimited(DEFAULT_RETRY_AFTER);
            if (TRANSIENT_ERRORS.contains(error)) throw SendFailure.transientFailure(method + ": " + error);
            throw SendFailure.permanent(method + ": " + error);
        }
        return response;
    }

    /** Slack's error code in a failure from {@link #run} ("not_in_channel"), or "" when it had none. */
    public static String error(SendFailure failure) {
        String message = failure.getMessage();
        int at = message == null ? -1 : message.lastIndexOf(": ");
        return at < 0 ? "" : message.substring(at + 2);
    }

    /** The wait a {@code Retry-After} header asks for; a second when it says nothing usable. */
    public static Duration retryAfter(String header) {
        if (header == null) return DEFAULT_RETRY_AFTER;
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
