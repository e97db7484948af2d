package dk.vum.barometer.teams.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Set;

/**
 * A team the app is in: its name, its channels and its members as the roster last listed them (so that
 * removing the app from the team forgets exactly those it made reachable).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamRef(String name, Set<String> channels, Set<String> members) {

    public TeamRef {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        members = members == null ? Set.of() : Set.copyOf(members);
    }

    public TeamRef withName(String newName) {
        return new TeamRef(newName, channels, members);
    }

    public TeamRef withChannels(Set<String> newChannels) {
        return new TeamRef(name, newChannels, members);
    }

    public TeamRef withMembers(Set<String> newMembers) {
        return new TeamRef(name, channels, newMembers);
    }
}
