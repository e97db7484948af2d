package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Theme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One theme within a shown group.
 *
 * <p>The theme's score pools all 1-5 answers to the theme's statements within the group (so its mean
 * is the mean of those answers, not the mean of the statements' means), counting only statements
 * that are shown themselves. Pooling a suppressed statement in would let a reader subtract the shown
 * statements from the theme and recover the suppressed one. Empty when no statement of the theme is shown.
 */
public record ThemeResult(Theme theme, Optional<Score> score, Optional<Fraction> previousMean,
                          List<ItemResult> items) implements ScoredResult {

    public ThemeResult {
        Objects.requireNonNull(theme, "theme");
        ScoredResult.requireConsistent(score, previousMean);
        items = List.copyOf(items);
    }
}
