package dk.vum.barometer.content;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agreement scale: 1 Helt uenig .. 5 Helt enig, plus the answers outside it, which never count in
 * a mean: "Ved ikke" ({@link #DONT_KNOW}) and, from content version 2, "Ikke relevant"
 * ({@link #NOT_RELEVANT}). Version 1 had one combined "Ved ikke / ikke relevant" and no
 * {@code notRelevant}; its pinned JSON is read unchanged (and hashes the same, as the field is left out).
 */
public record Scale(List<ScaleOption> options, ScaleOption dontKnow,
                    @JsonInclude(JsonInclude.Include.NON_NULL) ScaleOption notRelevant) {

    public static final int DONT_KNOW = 0;
    /** Negative, so no answer stored under version 1 (0-5) can be read as "ikke relevant". */
    public static final int NOT_RELEVANT = -1;
    public static final int MIN = 1;
    public static final int MAX = 5;

    public Scale {
        options = List.copyOf(options);
    }

    public boolean isValid(int value) {
        return value == DONT_KNOW || (value == NOT_RELEVANT && notRelevant != null) || (value >= MIN && value <= MAX);
    }

    /** The option for a stored value, including the answers outside the scale. */
    public Optional<ScaleOption> option(int value) {
        if (value == DONT_KNOW) return Optional.of(dontKnow);
        if (value == NOT_RELEVANT) return Optional.ofNullable(notRelevant);
        return options.stream().filter(o -> o.value() == value).findFirst();
    }

    /** Every answer a respondent can give, in the order they are offered: 1-5, then those outside the scale. */
    public List<ScaleOption> choices() {
        List<ScaleOption> choices = new ArrayList<>(options);
        choices.add(dontKnow);
        if (notRelevant != null) choices.add(notRelevant);
        return List.copyOf(choices);
    }

    /** True for the answers outside the 1-5 scale ("ved ikke", "ikke relevant"). */
    public static boolean outside(int value) {
        return value == DONT_KNOW || value == NOT_RELEVANT;
    }
}
