package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Item;

import java.util.Objects;
import java.util.Optional;

/**
 * One statement within a shown group. Its score is empty (a suppressed statement: "too few answers",
 * no figure at all, not even its count of "ved ikke") when fewer than the group minimum answered 1-5.
 */
public record ItemResult(Item item, Optional<Score> score, Optional<Fraction> previousMean) implements ScoredResult {

    public ItemResult {
        Objects.requireNonNull(item, "item");
        ScoredResult.requireConsistent(score, previousMean);
    }
}
