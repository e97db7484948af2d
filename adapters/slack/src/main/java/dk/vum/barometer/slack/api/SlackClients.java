package dk.vum.barometer.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.SendFailure;

import java.io.IOException;
import java.util.Set;

/**
 * Web API calls on behalf of an organisation, each with that organisation's own bot token. A token Slack
 * has refused for good is dropped, so the bot stops sending for that installation at once instead of
 * retrying every message until it gives up.
 */
public final class SlackClients {

    /** Errors that mean the token itself is dead: no other call with it can succeed. */
    static final Set<String> DEAD_TOKEN = Set.of("invalid_auth", "account_inactive", "token_revoked", "token_expired",
            "not_authed", "team_disabled");

    /** A Web API method called with the organisation's client. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final Tokens tokens;

    public SlackClients(Slack slack, Tokens tokens) {
        this.slack = slack;
        this.tokens = tokens;
    }

    public <T extends SlackApiTextResponse> T run(OrgId org, String method, Call<T> call) throws SendFailure {
        String token = tokens.token(org)
                .orElseThrow(() -> SendFailure.permanent(method + ": the app is not installed in " + org + " (or its token was revoked)"));
        MethodsClient client = slack.methods(token);
        try {
            return SlackCall.run(method, () -> call.call(client));
        } catch (SendFailure f) {
            String error = SlackCall.error(f);
            if (f.permanent() && DEAD_TOKEN.contains(error)) tokens.refused(org, error);
            throw f;
        }
    }
}
