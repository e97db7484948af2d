package dk.vum.barometer.teams.card;

import java.util.regex.Pattern;

/**
 * Escapes plain text for the Markdown subset Teams renders in Adaptive Card text, so that text written
 * by users never turns into formatting, a link or a list: markup characters get a backslash, and web
 * addresses a zero-width space that stops Teams from linking them. Mentions need entities in Teams,
 * which the bot never sends, so {@code <at>} stays text.
 */
public final class TeamsMarkdown {

    /** The characters the Adaptive Card Markdown subset formats with: emphasis, links, code. */
    private static final Pattern MARKUP = Pattern.compile("([\\\\`*_\\[\\]()~])");
    /** A list marker at the start of a line: "- ", "+ ", "1. ". */
    private static final Pattern LIST = Pattern.compile("(?m)^(\\s*)([-+]|\\d+\\.)(\\s)");
    private static final Pattern LINKISH = Pattern.compile("(?i)(://|www\\.|@)");

    private TeamsMarkdown() {
    }

    public static String escape(String text) {
        if (text == null || text.isEmpty()) return "";
        String escaped = MARKUP.matcher(text).replaceAll("\\\\$1");
        escaped = LIST.matcher(escaped).replaceAll(m -> {
            String marker = m.group(2);
            String safe = marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "\\\\." : "\\\\" + marker;
            return m.group(1) + safe + m.group(3);
        });
        return LINKISH.matcher(escaped).replaceAll(m -> m.group(1).charAt(0) + "\u200B" + m.group(1).substring(1));
    }
}
