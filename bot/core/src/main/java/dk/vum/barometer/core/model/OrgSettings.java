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
}
