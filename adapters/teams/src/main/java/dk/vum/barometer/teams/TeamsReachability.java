package dk.vum.barometer.teams;

import dk.vum.barometer.core.access.Reachability;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.teams.state.TeamsState;

import java.util.List;

/** In Teams the bot reaches those it has a conversation reference for: who installed the app or wrote to it. */
final class TeamsReachability implements Reachability {

    private final TeamsState state;

    TeamsReachability(TeamsState state) {
        this.state = state;
    }

    @Override
    public List<String> unreachable(OrgId org, List<String> userIds) {
        return userIds.stream().filter(u -> state.user(org, u).isEmpty()).toList();
    }
}
