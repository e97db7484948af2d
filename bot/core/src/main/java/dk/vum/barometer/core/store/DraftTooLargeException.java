package dk.vum.barometer.core.store;

/**
 * A draft that would not fit the one fixed size every stored draft is padded to (so that no stored
 * length tells how much someone wrote). Thrown before anything is written; the respondent is asked to
 * shorten their comments.
 */
public final class DraftTooLargeException extends RuntimeException {

    public DraftTooLargeException() {
        super("the draft does not fit the padded size", null, false, false);
    }
}
