package dk.vum.barometer.teams;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.teams.connector.BotConnector;
import dk.vum.barometer.teams.connector.ConnectorFailure;
import dk.vum.barometer.teams.state.TeamRef;
import dk.vum.barometer.teams.state.TeamsState;
import dk.vum.barometer.teams.state.UserRef;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The teams the app is in and their members. Teams lets a bot installed in a team write to every member of
 * it, so the roster ({@code pagedmembers}) is read when the app is added to a team, when members join, and
 * when someone is mentioned whom the bot cannot reach yet: each member becomes reachable, with their name.
 * Members who leave, and everyone when the app leaves the team, are forgotten unless another team or their
 * personal app still reaches them.
 */
final class TeamRoster {

    /** Where a team lives: its tenant's Bot Connector service and the bot's id there. */
    record Service(String serviceUrl, String tenantId, String botId) {
    }

    private final BotConnector connector;
    private final TeamsState state;
    private final OrganisationStore organisations;

    TeamRoster(BotConnector connector, TeamsState state, OrganisationStore organisations) {
        this.connector = connector;
        this.state = state;
        this.organisations = organisations;
    }

    /** The app was added to a team: its name, its channels with their names, its members. */
    void installed(OrgId org, Service service, String teamId, String teamName) throws ConnectorFailure {
        TeamRef team = state.team(org, teamId).orElse(new TeamRef(teamName, Set.of(), Set.of()));
        if (teamName != null) team = team.withName(teamName);
        state.saveTeam(org, teamId, team);
        readChannels(org, service, teamId);
        refresh(org, service, teamId);
    }

    /** Reads the team's channels: names for the picker; the General channel (the team's id) is named by the team. */
    void readChannels(OrgId org, Service service, String teamId) throws ConnectorFailure {
        TeamRef team = state.team(org, teamId).orElse(new TeamRef(null, Set.of(), Set.of()));
        Map<String, String> channels = new LinkedHashMap<>(connector.teamChannels(service.serviceUrl(), service.tenantId(), teamId));
        channels.putIfAbsent(teamId, null);
        channels.forEach((id, name) -> {
            String shown = name != null && !name.isBlank() ? name : team.name();
            if (shown != null) state.saveChannel(org, id, shown);
        });
        Set<String> ids = new LinkedHashSet<>(channels.keySet());
        ids.add(teamId);
        state.saveTeam(org, teamId, team.withChannels(ids));
    }

    /** Reads the team's members: each is reachable, with their name; those no longer listed are let go. */
    void refresh(OrgId org, Service service, String teamId) throws ConnectorFailure {
        List<BotConnector.Member> members = connector.teamMembers(service.serviceUrl(), service.tenantId(), teamId);
        Set<String> ids = new LinkedHashSet<>();
        for (BotConnector.Member m : members) {
            if (m.id().equals(service.botId())) continue;
            ids.add(m.id());
            if (m.name() != null && !m.name().isBlank()) organisations.upsertUser(org, m.id(), m.name());
            UserRef ref = state.user(org, m.id()).map(r -> r.withTeam(teamId))
                    .orElse(UserRef.teamMember(service.serviceUrl(), service.botId(), teamId));
            if (!state.user(org, m.id()).equals(Optional.of(ref))) state.saveUser(org, m.id(), ref);
        }
        TeamRef team = state.team(org, teamId).orElse(new TeamRef(null, Set.of(teamId), Set.of()));
        Set<String> left = new HashSet<>(team.members());
        left.removeAll(ids);
        leave(org, teamId, left);
        state.saveTeam(org, teamId, team.withMembers(ids));
    }

    /** Someone joined the team (Teams names them by id only): the roster gives their name too. */
    void membersAdded(OrgId org, Service service, String teamId) throws ConnectorFailure {
        if (state.team(org, teamId).isEmpty()) state.saveTeam(org, teamId, new TeamRef(null, Set.of(teamId), Set.of()));
        refresh(org, service, teamId);
    }

    void membersRemoved(OrgId org, String teamId, Collection<String> userIds) {
        leave(org, teamId, userIds);
        state.team(org, teamId).ifPresent(team -> {
            Set<String> members = new HashSet<>(team.members());
            members.removeAll(userIds);
            state.saveTeam(org, teamId, team.withMembers(members));
        });
    }

    /** The app was removed from the team or the team deleted: its members and channels are forgotten. */
    void uninstalled(OrgId org, String teamId) {
        state.team(org, teamId).ifPresent(team -> {
            leave(org, teamId, team.members());
            Set<String> channels = new HashSet<>(team.channels());
            channels.add(teamId);
            state.forgetChannels(org, channels);
        });
        state.forgetChannels(org, Set.of(teamId));
        state.forgetTeam(org, teamId);
    }

    /**
     * Looks for people the bot cannot reach yet in the rosters of the teams the app is in, one team after
     * the other until all are found.
     */
    void findUnreachable(OrgId org, Service service, Collection<String> userIds) throws ConnectorFailure {
        for (String teamId : state.teams(org).keySet()) {
            if (userIds.stream().allMatch(u -> state.user(org, u).isPresent())) return;
            refresh(org, service, teamId);
        }
    }

    private void leave(OrgId org, String teamId, Collection<String> userIds) {
        for (String userId : userIds) {
            state.user(org, userId).ifPresent(ref -> {
                if (ref.teams().contains(teamId)) state.updateUser(org, userId, ref.withoutTeam(teamId));
            });
        }
    }
}
