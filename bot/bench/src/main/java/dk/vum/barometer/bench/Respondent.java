package dk.vum.barometer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark user of the demo organisation: every tenth a leader (the leaders' questionnaire), the
 * others caseworkers; every seventh writes a comment on the first theme.
 *
 * @param roleWord the role as the {@code tilføj} command names it
 */
record Respondent(int index, String userId, String roleWord, boolean comments) {

    static final String LEADER = "leder";
    static final String CASEWORKER = "sagsbehandler";

    static List<Respondent> pool(int size) {
        List<Respondent> pool = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            pool.add(new Respondent(i, String.format("bench%04d", i), i % 10 == 0 ? LEADER : CASEWORKER, i % 7 == 0));
        }
        return List.copyOf(pool);
    }

    String displayName() {
        return "Bench " + (LEADER.equals(roleWord) ? "Leder " : "Sagsbehandler ") + index;
    }
}
