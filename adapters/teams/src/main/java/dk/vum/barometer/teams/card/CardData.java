package dk.vum.barometer.teams.card;

/**
 * The keys of an Action.Submit's data. Teams sends the data back as the activity's {@code value}, with the
 * card's inputs merged in: inputs are named with a prefix so they never clash with these keys.
 */
public final class CardData {

    /** "button" or "form". */
    public static final String KIND = "barometer";
    public static final String BUTTON = "button";
    public static final String FORM = "form";
    public static final String ACTION = "action";
    public static final String VALUE = "value";
    public static final String FORM_ID = "formId";
    /** An object of the form's hidden values. */
    public static final String HIDDEN = "hidden";
    /** Prefix of input ids: "f.name" carries the form field "name". */
    public static final String INPUT_PREFIX = "f.";

    private CardData() {
    }
}
