package dk.vum.barometer.core.model;

import java.util.Locale;
import java.util.Optional;

/** Organisation-wide roles. Respondents need no role: being registered on a measurement is enough. */
public enum Role {
    COORDINATOR, TEAM_LEADER;

    public static Optional<Role> parse(String word) {
        if (word == null) return Optional.empty();
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "tovholder", "tovholdere", "coordinator", "koordinator" -> Optional.of(COORDINATOR);
            case "teamleder", "teamledere", "team-leader", "teamleader", "team_leader" -> Optional.of(TEAM_LEADER);
            default -> Optional.empty();
        };
    }
}
