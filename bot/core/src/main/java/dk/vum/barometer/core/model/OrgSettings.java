package dk.vum.barometer.core.model;

/**
 * Per-organisation anonymity thresholds.
 *
 * @param minGroupForScores   smallest group whose scores are shown (default 5, never below 3)
 * @param minGroupForComments smallest group whose comments are shown (default 10, never below the score minimum)
 */
public record OrgSettings(int minGroupForScores, int minGroupForComments) {

    public static final int ABSOLUTE_MIN = 3;
    public static final OrgSettings DEFAULTS = new OrgSettings(5, 10);

    public OrgSettings {
        if (minGroupForScores < ABSOLUTE_MIN) throw new IllegalArgumentException("minimum group size is at least " + ABSOLUTE_MIN);
        if (minGroupForComments < minGroupForScores) throw new IllegalArgumentException("comment minimum below score minimum");
    }

    /**
     * The stricter of two sets of minimums (either may be null): a round is reported with the minimums its
     * invitations promised, or today's if those are higher, never lower.
     */
    public static OrgSettings strictest(OrgSettings a, OrgSettings b) {
        if (a == null) return b;
        if (b == null) return a;
        return new OrgSettings(Math.max(a.minGroupForScores, b.minGroupForScores),
                Math.max(a.minGroupForComments, b.minGroupForComments));
    }
}
