package dk.vum.barometer.teams.card;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes plain text for the Markdown subset Teams renders in Adaptive Card text (emphasis with {@code *}
 * and {@code _}, links {@code [text](url)}, lists at the start of a line), so that text written by users
 * never turns into formatting, a link or a list, and touches nothing else: some Teams clients (iOS,
 * Android) show any backslash literally, so "hjælp (help)", "1.5" or "sagsbehandler-team" stay as they are.
 * Web addresses get a zero-width space that stops Teams from linking them; an @ or a command stays exactly
 * as typed, so users can copy it. Mentions need entities in Teams, which the bot never sends, so
 * {@code <at>} stays text.
 */
public final class TeamsMarkdown {

    /** Emphasis needs an opening and a closing marker: a lone * or _ is left as it is. */
    private static final Pattern STAR = Pattern.compile("\\*");
    /** An underscore inside a word ("navn_med_understreg") never emphasises. */
    private static final Pattern UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])");
    /** A link: [text](target). */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(");
    /** A list marker at the start of a line: "- ", "* ", "+ ", "1. ". */
    private static final Pattern LIST = Pattern.compile("(?m)^(\\s*)([-+*]|\\d+\\.)(\\s)");
    private static final Pattern LINKISH = Pattern.compile("(?i)(://|www\\.)");

    private TeamsMarkdown() {
    }

    public static String escape(String text) {
        if (text == null || text.isEmpty()) return "";
        String escaped = text;
        for (Pattern marker : List.of(STAR, UNDERSCORE)) {
            if (marker.matcher(escaped).results().count() >= 2) escaped = marker.matcher(escaped).replaceAll("\\\\$0");
        }
        escaped = LINK.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("\\[" + m.group(1) + "\\]("));
        escaped = LIST.matcher(escaped).replaceAll(m -> {
            String marker = m.group(2);
            String safe = marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "\\\\." : "\\\\" + marker;
            return m.group(1) + safe + m.group(3);
        });
        return LINKISH.matcher(escaped).replaceAll(m -> m.group(1).charAt(0) + "\u200B" + m.group(1).substring(1));
    }
}
