package dk.vum.barometer.core.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * Button actions and form ids of the respondent flow. Every value names the measurement and the item
 * it was shown for, so a repeated or late click is applied to exactly what the person saw.
 */
public final class QuestionnaireActions {

    public static final String PREFIX = "q.";
    public static final String START = "q.start";
    public static final String ANSWER = "q.answer";
    public static final String BACK = "q.back";
    public static final String PAUSE = "q.pause";
    public static final String COMMENT = "q.comment";
    public static final String SUBMIT = "q.submit";
    public static final String EDIT = "q.edit";
    public static final String REVIEW = "q.review";

    public static final String FIELD_COMMENT = "comment";
    public static final String FIELD_ITEM = "item";
    public static final String HIDDEN_MEASUREMENT = "measurement";
    public static final String HIDDEN_THEME = "theme";

    private QuestionnaireActions() {
    }

    public static String value(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (sb.length() > 0) sb.append('|');
            sb.append(p);
        }
        return sb.toString();
    }

    public static List<String> parts(String value) {
        return value == null ? List.of() : List.of(value.split("\\|", -1));
    }

    public static final String REPLACE_KEY_PREFIX = "questionnaire:";

    /** The replace key of the one message a questionnaire lives in, per measurement. */
    public static String replaceKey(int measurement) {
        return REPLACE_KEY_PREFIX + measurement;
    }

    /** The measurement of a questionnaire's replace key, if it is one. */
    public static Optional<Integer> measurementOf(String replaceKey) {
        if (replaceKey == null || !replaceKey.startsWith(REPLACE_KEY_PREFIX)) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(replaceKey.substring(REPLACE_KEY_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
