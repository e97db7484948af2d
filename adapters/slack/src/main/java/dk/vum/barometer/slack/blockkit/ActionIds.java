package dk.vum.barometer.slack.blockkit;

/**
 * Slack wants every action_id in a block to be unique, while the core may give several buttons one
 * action (the scale's five answers are all {@code q.answer}). The renderer numbers them; incoming
 * actions lose the number again.
 */
public final class ActionIds {

    /** The one action of the button that opens a form as a modal; its value names the stashed form. */
    public static final String OPEN_FORM = "slack.form";
    private static final char SEPARATOR = '~';

    private ActionIds() {
    }

    static String encode(String action, int index) {
        return action + SEPARATOR + index;
    }

    public static String decode(String actionId) {
        if (actionId == null) return null;
        int at = actionId.lastIndexOf(SEPARATOR);
        return at < 0 ? actionId : actionId.substring(0, at);
    }
}
