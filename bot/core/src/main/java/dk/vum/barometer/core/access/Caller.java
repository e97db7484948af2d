package dk.vum.barometer.core.access;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandWord;
import dk.vum.barometer.core.model.Role;

import java.util.Set;

/**
 * Who is asking: their address, organisation roles, the teams they lead and their language.
 *
 * @param roles organisation-wide roles; {@link Role#TEAM_LEADER} here is a team leader of every team (as
 *              before teams existed, until a coordinator scopes them to teams)
 * @param teams the channels of the teams the caller leads
 */
public record Caller(Address address, Set<Role> roles, Set<String> teams, Language language) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    /** A caller who leads no team of their own. */
    public Caller(Address address, Set<Role> roles, Language language) {
        this(address, roles, Set.of(), language);
    }

    public OrgId org() {
        return address.org();
    }

    public String userId() {
        return address.userId();
    }

    public boolean isCoordinator() {
        return roles.contains(Role.COORDINATOR);
    }

    /** Coordinators and team leaders (of every team or of some) may read status and reports. */
    public boolean isLeader() {
        return seesAllTeams() || !teams.isEmpty();
    }

    /** Coordinators, and team leaders not scoped to teams. */
    public boolean seesAllTeams() {
        return isCoordinator() || roles.contains(Role.TEAM_LEADER);
    }

    /**
     * Whether the caller may see and post for the team of this channel. A measurement without a
     * channel belongs to no team: only those who see every team see it.
     */
    public boolean leadsTeam(String channelId) {
        return seesAllTeams() || (channelId != null && teams.contains(channelId));
    }

    /** Whether the caller may use a command meant for this audience. */
    public boolean may(CommandWord.Audience audience) {
        return switch (audience) {
            case EVERYONE -> true;
            case LEADERS -> isLeader();
            case COORDINATOR -> isCoordinator();
        };
    }
}
