package dk.vum.barometer.slack.blockkit;

/**
 * Slack's mrkdwn control characters. Every text the core hands over is plain, and some of it was written
 * by users (comments, measurement names): escaped, {@code <!channel>}, {@code <@U123>} or
 * {@code <https://evil|klik>} is shown as text, never as a mention or a link.
 */
public final class Mrkdwn {

    private Mrkdwn() {
    }

    /** Escapes &amp;, &lt; and &gt; as Slack asks; nothing else has to be escaped. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Cuts text to at most {@code max} characters, ending in an ellipsis when cut, and never in the middle
     * of an escape sequence or a surrogate pair.
     */
    public static String truncate(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        return text.substring(0, safeEnd(text, max - 1)) + "…";
    }

    /** An end index at or before {@code max} that splits neither an escape sequence nor a surrogate pair. */
    static int safeEnd(String text, int max) {
        int end = max;
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp > end - 5 && text.indexOf(';', amp) >= end) end = amp;
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) end--;
        return end;
    }
}
