package dk.vum.barometer.storage;

import dk.vum.barometer.core.store.TeamStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour of every {@link TeamStore}. */
public abstract class TeamStoreContract extends FollowUpStoreContract {

    @Test
    void leadersAreGrantedPerTeamAndOrganisation() {
        TeamStore teams = storage.teams();
        teams.grantTeamLeader(A, "lars", "team-nord");
        teams.grantTeamLeader(A, "lars", "team-nord");
        teams.grantTeamLeader(A, "lars", "team-vest");
        teams.grantTeamLeader(A, "lene", "team-syd");
        teams.grantTeamLeader(B, "lene", "team-nord");

        assertThat(teams.teamsLedBy(A, "lars")).containsExactly("team-nord", "team-vest");
        assertThat(teams.teamsLedBy(A, "lene")).containsExactly("team-syd");
        assertThat(teams.teamLeaderGrants(A)).isEqualTo(Map.of("lars", Set.of("team-nord", "team-vest"), "lene", Set.of("team-syd")));
        assertThat(teams.teamLeaderGrants(B)).isEqualTo(Map.of("lene", Set.of("team-nord")));
    }

    @Test
    void revokingRemovesOneTeamOrAll() {
        TeamStore teams = storage.teams();
        teams.grantTeamLeader(A, "lars", "team-nord");
        teams.grantTeamLeader(A, "lars", "team-vest");
        teams.grantTeamLeader(B, "lars", "team-vest");

        teams.revokeTeamLeader(A, "lars", "team-nord");
        assertThat(teams.teamsLedBy(A, "lars")).containsExactly("team-vest");

        teams.revokeAllTeams(A, "lars");
        assertThat(teams.teamsLedBy(A, "lars")).isEmpty();
        assertThat(teams.teamsLedBy(B, "lars")).containsExactly("team-vest");
    }
}
