package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Scale;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers on the 1-5 scale to one statement, or to all statements of a theme, within one group.
 * Holds exact counts only; means and shares are derived exactly from them.
 *
 * @param n           answers on the 1-5 scale ("ved ikke" and "ikke relevant" excluded)
 * @param sum         sum of those answers
 * @param agree       answers 4 or 5
 * @param disagree    answers 1 or 2
 * @param dontKnow    "ved ikke" answers (not part of n)
 * @param notRelevant "ikke relevant" answers (not part of n)
 * @param perValue    how many answered 1, 2, 3, 4 and 5 (five counts summing to n)
 */
public record Score(int n, long sum, int agree, int disagree, int dontKnow, int notRelevant, List<Integer> perValue) {

    public static final Score NONE = new Score(0, 0, 0, 0, 0, 0, List.of(0, 0, 0, 0, 0));

    public Score {
        perValue = List.copyOf(perValue);
        if (n < 0 || agree < 0 || disagree < 0 || dontKnow < 0 || notRelevant < 0 || agree + disagree > n
                || sum < (long) Scale.MIN * n || sum > (long) Scale.MAX * n
                || perValue.size() != Scale.MAX || perValue.stream().mapToInt(Integer::intValue).sum() != n) {
            throw new IllegalArgumentException("inconsistent score");
        }
    }

    /** One answer more: a value 1-5, {@link Scale#DONT_KNOW} or {@link Scale#NOT_RELEVANT}. */
    public Score with(int value) {
        if (value == Scale.DONT_KNOW) return new Score(n, sum, agree, disagree, dontKnow + 1, notRelevant, perValue);
        if (value == Scale.NOT_RELEVANT) return new Score(n, sum, agree, disagree, dontKnow, notRelevant + 1, perValue);
        List<Integer> counts = new ArrayList<>(perValue);
        counts.set(value - Scale.MIN, counts.get(value - Scale.MIN) + 1);
        return new Score(n + 1, sum + value, agree + (value >= 4 ? 1 : 0), disagree + (value <= 2 ? 1 : 0),
                dontKnow, notRelevant, counts);
    }

    public Score plus(Score other) {
        List<Integer> counts = new ArrayList<>(perValue);
        for (int i = 0; i < counts.size(); i++) counts.set(i, counts.get(i) + other.perValue.get(i));
        return new Score(n + other.n, sum + other.sum, agree + other.agree, disagree + other.disagree,
                dontKnow + other.dontKnow, notRelevant + other.notRelevant, counts);
    }

    /** Mean of the 1-5 answers; only defined when n &gt; 0. */
    public Fraction mean() {
        return Fraction.of(sum, n);
    }

    /** Share of the 1-5 answers that are 4 or 5. */
    public Fraction agreeShare() {
        return Fraction.of(agree, n);
    }

    /** Share of the 1-5 answers that are 1 or 2. */
    public Fraction disagreeShare() {
        return Fraction.of(disagree, n);
    }

    /** Every answer given, on the scale and off it, for charts and exports. */
    public Distribution distribution() {
        return new Distribution(perValue, List.of(new Distribution.OffScale(Distribution.DONT_KNOW, dontKnow),
                new Distribution.OffScale(Distribution.NOT_RELEVANT, notRelevant)));
    }
}
