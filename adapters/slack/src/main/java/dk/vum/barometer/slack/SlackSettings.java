package dk.vum.barometer.slack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Slack adapter's settings from the environment (README, Configuration). Slack is on when it has a
 * way to get tokens (a bot token for one workspace, or OAuth installs) and a way to hear Slack (a signing
 * secret for events over HTTP at {@code /slack/events}, or an app-level token for Socket Mode).
 *
 * @param botToken        SLACK_BOT_TOKEN, {@code xoxb-…}: one workspace; null with OAuth only
 * @param signingSecret   SLACK_SIGNING_SECRET; null for Socket Mode only
 * @param appToken        SLACK_APP_TOKEN, {@code xapp-…}; null for HTTP only
 * @param apiUrl          SLACK_API_URL, the Web API's methods prefix, ending in '/'
 * @param channelInterval SLACK_POST_INTERVAL_MS: least time between two messages in one channel
 * @param openInterval    SLACK_OPEN_INTERVAL_MS: least time between two conversations.open calls
 * @param oauth           SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: installs by OAuth; null without
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl,
                            Duration channelInterval, Duration openInterval, OAuth oauth) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /**
     * Installs by OAuth v2: every workspace (or Grid organisation) that installs the app gets its own bot
     * token, kept sealed with the key {@code tokenKey} gives (32 bytes, AES-256-GCM), asked for when Slack starts.
     */
    public record OAuth(String clientId, String clientSecret, String stateSecret, Supplier<byte[]> tokenKey) {

        public OAuth {
            if (stateSecret == null || stateSecret.length() < 16) {
                throw new IllegalArgumentException("SLACK_STATE_SECRET must be set (at least 16 characters) with SLACK_CLIENT_ID");
            }
        }

        @Override
        public String toString() {
            return "OAuth[" + clientId + "]";
        }
    }

    public SlackSettings {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }

    /** One workspace with one pasted bot token. */
    public SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl, Duration channelInterval,
                         Duration openInterval) {
        this(botToken, signingSecret, appToken, apiUrl, channelInterval, openInterval, null);
    }

    /** {@code tokenKey} gives the key that seals installations' tokens; asked for only when OAuth is configured. */
    public static Optional<SlackSettings> from(Map<String, String> env, Supplier<byte[]> tokenKey) {
        String bot = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String app = blankToNull(env.get("SLACK_APP_TOKEN"));
        String clientId = blankToNull(env.get("SLACK_CLIENT_ID"));
        String clientSecret = blankToNull(env.get("SLACK_CLIENT_SECRET"));
        OAuth oauth = clientId == null || clientSecret == null ? null
                : new OAuth(clientId, clientSecret, blankToNull(env.get("SLACK_STATE_SECRET")), tokenKey);
        if ((bot == null && oauth == null) || (secret == null && app == null)) return Optional.empty();
        return Optional.of(new SlackSettings(bot, secret, app, env.get("SLACK_API_URL"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("SLACK_POST_INTERVAL_MS", "1000"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("SLACK_OPEN_INTERVAL_MS", "1200"))), oauth));
    }

    public SlackSettings withOAuth(OAuth settings) {
        return new SlackSettings(botToken, signingSecret, appToken, apiUrl, channelInterval, openInterval, settings);
    }

    public boolean http() {
        return signingSecret != null;
    }

    public boolean socketMode() {
        return appToken != null;
    }

    /** Workspaces install the app by OAuth ({@code /slack/install}). */
    public boolean distributed() {
        return oauth != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
