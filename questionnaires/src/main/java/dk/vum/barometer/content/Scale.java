package dk.vum.barometer.content;

import java.util.List;
import java.util.Optional;

/**
 * The agreement scale: 1 Helt uenig .. 5 Helt enig, plus "Ved ikke / ikke relevant".
 * "Ved ikke" is stored as {@link #DONT_KNOW} and never counts in a mean.
 */
public record Scale(List<ScaleOption> options, ScaleOption dontKnow) {

    public static final int DONT_KNOW = 0;
    public static final int MIN = 1;
    public static final int MAX = 5;

    public Scale {
        options = List.copyOf(options);
    }

    public boolean isValid(int value) {
        return value == DONT_KNOW || (value >= MIN && value <= MAX);
    }

    /** The option for a stored value, including "ved ikke". */
    public Optional<ScaleOption> option(int value) {
        if (value == DONT_KNOW) return Optional.of(dontKnow);
        return options.stream().filter(o -> o.value() == value).findFirst();
    }
}
