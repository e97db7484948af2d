package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.util.Map;
import java.util.Set;

/** Team leaders per team; a team is its channel. */
public interface TeamStore {

    void grantTeamLeader(OrgId org, String userId, String channelId);

    void revokeTeamLeader(OrgId org, String userId, String channelId);

    /** Removes the user from every team they lead. */
    void revokeAllTeams(OrgId org, String userId);

    /** The channels of the teams the user leads. */
    Set<String> teamsLedBy(OrgId org, String userId);

    /** Every team leader with their teams' channels, by user id. */
    Map<String, Set<String>> teamLeaderGrants(OrgId org);
}
