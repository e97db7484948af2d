package dk.vum.barometer.core.report;

import java.util.Optional;

/** A figure of a shown group: its score if there were enough answers, and the compared measurement's mean. */
public interface ScoredResult {

    /** Empty when there were too few answers on the 1-5 scale to show anything. */
    Optional<Score> score();

    /** The compared measurement's mean, present only when both measurements show the figure. */
    Optional<Fraction> previousMean();

    /** Current mean minus the compared measurement's mean, exact. */
    default Optional<Fraction> meanDelta() {
        return score().flatMap(s -> previousMean().map(p -> s.mean().minus(p)));
    }

    /** Checks the invariant every implementation keeps: no comparison without a current figure. */
    static void requireConsistent(Optional<Score> score, Optional<Fraction> previousMean) {
        if (score.isEmpty() && previousMean.isPresent()) {
            throw new IllegalArgumentException("a comparison needs a current score");
        }
    }
}
