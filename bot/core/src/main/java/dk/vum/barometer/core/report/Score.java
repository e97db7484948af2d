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

    /** The size of the array {@link #ofCounts} takes: one count per value from "ikke relevant" to 5. */
    public static final int VALUES = Scale.MAX - Scale.NOT_RELEVANT + 1;

    public Score {
        perValue = List.copyOf(perValue);
        if (n < 0 || agree < 0 || disagree < 0 || dontKnow < 0 || notRelevant < 0 || agree + disagree > n
                || sum < (long) Scale.MIN * n || sum > (long) Scale.MAX * n
                || perValue.size() != Scale.MAX || perValue.stream().mapToInt(Integer::intValue).sum() != n) {
            throw new IllegalArgumentException("inconsistent score");
        }
    }

    /** From how many gave each value, indexed by {@code value - Scale.NOT_RELEVANT} (see {@link #index}). */
    public static Score ofCounts(int[] counts) {
        List<Integer> perValue = new ArrayList<>();
        int n = 0;
        long sum = 0;
        for (int value = Scale.MIN; value <= Scale.MAX; value++) {
            perValue.add(counts[index(value)]);
            n += counts[index(value)];
            sum += (long) value * counts[index(value)];
        }
        return new Score(n, sum, counts[index(4)] + counts[index(5)], counts[index(1)] + counts[index(2)],
                counts[index(Scale.DONT_KNOW)], counts[index(Scale.NOT_RELEVANT)], perValue);
    }

    /** Where a value is counted in the array {@link #ofCounts} takes. */
    public static int index(int value) {
        return value - Scale.NOT_RELEVANT;
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

    /** Every answer given, on the scale and off it, for charts and exports: the same columns for every score. */
    public Distribution distribution() {
        return new Distribution(perValue, List.of(new Distribution.OffScale(Distribution.DONT_KNOW, dontKnow),
                new Distribution.OffScale(Distribution.NOT_RELEVANT, notRelevant)));
    }
}
