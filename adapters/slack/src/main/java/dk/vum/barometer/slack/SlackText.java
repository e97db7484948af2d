package dk.vum.barometer.slack;

import dk.vum.barometer.core.access.Channels;
import dk.vum.barometer.core.chat.OrgId;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as Slack sends it, turned into the core's command text: escaped mentions {@code <@U123|name>}
 * become {@code @U123}, channels {@code <#C123|name>} become {@code #C123}, and Slack's entity escapes
 * (&amp;amp; &amp;lt; &amp;gt;) are undone. Other control sequences stay as typed; they are escaped again
 * wherever the text is shown.
 */
public final class SlackText {

    private static final Pattern MENTION = Pattern.compile("<([@#])([UWBC][A-Z0-9]{1,30}|G[A-Z0-9]{1,30})(?:\\|[^>]*)?>");

    private static final Pattern CORE_MENTION = Pattern.compile("(?<![\\w@])@([UW][A-Z0-9]{1,30})\\b");
    private static final Pattern USER_LIST = Pattern.compile("[UW][A-Z0-9]{1,30}(,[UW][A-Z0-9]{1,30})*");

    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{1,30}");

    /**
     * Channels as Slack names them: a {@code #C123} that Slack escaped from a real channel, or one its picker
     * gave. Plain {@code #name} text is no channel Slack knows (Slack would have escaped it). Suggestions are
     * left to Slack's own picker.
     */
    public static final Channels CHANNELS = new Channels() {
        public boolean exists(OrgId org, String channelId) {
            return CHANNEL_ID.matcher(channelId).matches();
        }

        public List<String> known(OrgId org) {
            return List.of();
        }
    };

    private SlackText() {
    }

    /**
     * The Slack user ids a text or a submitted value names: {@code @U123} mentions in command text, or a
     * people picker's comma-separated ids.
     */
    public static List<String> userIds(String coreText) {
        if (coreText == null) return List.of();
        if (USER_LIST.matcher(coreText).matches()) return List.of(coreText.split(","));
        List<String> ids = new ArrayList<>();
        Matcher m = CORE_MENTION.matcher(coreText);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    public static String toCore(String slackText) {
        if (slackText == null) return "";
        Matcher m = MENTION.matcher(slackText);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2)));
        m.appendTail(sb);
        return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
