package dk.vum.barometer.core.access;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandWord;
import dk.vum.barometer.core.model.Role;

import java.util.Set;

/** Who is asking: their address, organisation roles and language. */
public record Caller(Address address, Set<Role> roles, Language language) {

    public Caller {
        roles = Set.copyOf(roles);
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

    /** Coordinators and team leaders may read status and reports. */
    public boolean isLeader() {
        return isCoordinator() || roles.contains(Role.TEAM_LEADER);
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
