package dk.vum.barometer.slack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack adapter's settings from the environment (README, Configuration). Slack is on when a bot
 * token is set together with a signing secret (events over HTTP at {@code /slack/events}) or an app-level
 * token (Socket Mode, no public URL needed), or both.
 *
 * @param botToken        SLACK_BOT_TOKEN, {@code xoxb-…}
 * @param signingSecret   SLACK_SIGNING_SECRET; null for Socket Mode only
 * @param appToken        SLACK_APP_TOKEN, {@code xapp-…}; null for HTTP only
 * @param apiUrl          SLACK_API_URL, the Web API's methods prefix, ending in '/'
 * @param channelInterval SLACK_POST_INTERVAL_MS: least time between two messages in one channel
 * @param openInterval    SLACK_OPEN_INTERVAL_MS: least time between two conversations.open calls
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl,
                            Duration channelInterval, Duration openInterval) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }

    public static Optional<SlackSettings> from(Map<String, String> env) {
        String bot = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String app = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (bot == null || (secret == null && app == null)) return Optional.empty();
        return Optional.of(new SlackSettings(bot, secret, app, env.get("SLACK_API_URL"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("SLACK_POST_INTERVAL_MS", "1000"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("SLACK_OPEN_INTERVAL_MS", "1200")))));
    }

    public boolean http() {
        return signingSecret != null;
    }

    public boolean socketMode() {
        return appToken != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
