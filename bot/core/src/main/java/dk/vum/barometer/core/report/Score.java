package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Scale;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers on the 1-5 scale to one statement, or to all statements of a theme, within one group.
 * Holds exact counts only; means and shares are derived exactly from them.
 *
 * @param n         answers on the 1-5 scale ("ved ikke" excluded)
 * @param sum       sum of those answers
 * @param agree     answers 4 or 5
 * @param disagree  answers 1 or 2
 * @param dontKnow  "ved ikke" answers (not part of n)
 * @param perValue  how many answered 1, 2, 3, 4 and 5 (five counts summing to n)
 */
public record Score(int n, long sum, int agree, int disagree, int dontKnow, List<Integer> perValue) {

    public Score {
        perValue = List.copyOf(perValue);
        if (n < 0 || agree < 0 || disagree < 0 || dontKnow < 0 || agree + disagree > n
                || sum < (long) Scale.MIN * n || sum > (long) Scale.MAX * n
                || perValue.size() != Scale.MAX || perValue.stream().mapToInt(Integer::intValue).sum() != n) {
            throw new IllegalArgumentException("inconsistent score");
        }
    }

    /** From counts indexed by value: {@code counts[Scale.DONT_KNOW]} and {@code counts[1..5]}. */
    public static Score ofCounts(int[] counts) {
        List<Integer> perValue = new ArrayList<>();
        int n = 0;
        long sum = 0;
        for (int value = Scale.MIN; value <= Scale.MAX; value++) {
            perValue.add(counts[value]);
            n += counts[value];
            sum += (long) value * counts[value];
        }
        return new Score(n, sum, counts[4] + counts[5], counts[1] + counts[2], counts[Scale.DONT_KNOW], perValue);
    }

    public Score plus(Score other) {
        List<Integer> counts = new ArrayList<>(perValue);
        for (int i = 0; i < counts.size(); i++) counts.set(i, counts.get(i) + other.perValue.get(i));
        return new Score(n + other.n, sum + other.sum, agree + other.agree, disagree + other.disagree,
                dontKnow + other.dontKnow, counts);
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
        return new Distribution(perValue, List.of(new Distribution.OffScale(Distribution.DONT_KNOW, dontKnow)));
    }
}
