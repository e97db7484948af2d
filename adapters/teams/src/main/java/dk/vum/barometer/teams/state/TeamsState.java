package dk.vum.barometer.teams.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.AdapterStateStore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Teams adapter remembers per tenant, in the core's {@link AdapterStateStore}: conversation
 * references per user (for proactive messages), the tenant's service URL and bot id, the teams the app is in
 * (name, channels, members) and the team channels with their names, and the activity id of each message with a replace key (to update it in place). Kept as small
 * JSON of its own shape, not the SDK's, so the SDK could be replaced without touching stored data.
 */
public final class TeamsState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USERS = "teams.user";
    private static final String TENANT = "teams.tenant";
    private static final String ACTIVITIES = "teams.activity";
    private static final String SERVICE = "service";
    private static final String CHANNELS = "channels";
    private static final String TEAMS = "teams";
    /** Channels remembered per tenant; enough for a picker, small enough for one state value. */
    private static final int MAX_CHANNELS = 100;

    private final AdapterStateStore store;

    public TeamsState(AdapterStateStore store) {
        this.store = store;
    }

    public Optional<UserRef> user(OrgId org, String userId) {
        return store.state(org, USERS, userId).map(json -> read(json, UserRef.class));
    }

    /** The ids of every user the bot can reach (installed, not blocked): one read. */
    public Set<String> reachableUsers(OrgId org) {
        return store.stateKeys(org, USERS);
    }

    public void saveUser(OrgId org, String userId, UserRef ref) {
        store.putState(org, USERS, userId, write(ref));
    }

    /** Forgets a user who blocked the bot or removed the app: they count as unreachable until they return. */
    public void forgetUser(OrgId org, String userId) {
        store.deleteState(org, USERS, userId);
    }

    /** Saves the changed reference, or forgets the user when it no longer reaches them. */
    public void updateUser(OrgId org, String userId, UserRef ref) {
        if (ref.unreachable()) forgetUser(org, userId);
        else saveUser(org, userId, ref);
    }

    /** The teams the app is in, by id. */
    public Map<String, TeamRef> teams(OrgId org) {
        return store.state(org, TENANT, TEAMS)
                .map(json -> read(json, new TypeReference<LinkedHashMap<String, TeamRef>>() { }))
                .orElseGet(LinkedHashMap::new);
    }

    public Optional<TeamRef> team(OrgId org, String teamId) {
        return Optional.ofNullable(teams(org).get(teamId));
    }

    public void saveTeam(OrgId org, String teamId, TeamRef team) {
        Map<String, TeamRef> teams = teams(org);
        if (team.equals(teams.get(teamId))) return;
        teams.put(teamId, team);
        store.putState(org, TENANT, TEAMS, write(teams));
    }

    public void forgetTeam(OrgId org, String teamId) {
        Map<String, TeamRef> teams = teams(org);
        if (teams.remove(teamId) != null) store.putState(org, TENANT, TEAMS, write(teams));
    }

    /** The tenant's Bot Connector service and the bot's id there, as last seen. */
    public Optional<UserRef> service(OrgId org) {
        return store.state(org, TENANT, SERVICE).map(json -> read(json, UserRef.class));
    }

    public void saveService(OrgId org, String serviceUrl, String botId) {
        UserRef service = new UserRef(serviceUrl, botId, null, false, java.util.Set.of());
        if (!service(org).equals(Optional.of(service))) store.putState(org, TENANT, SERVICE, write(service));
    }

    /** Team channels by id, with their names. */
    public Map<String, String> channels(OrgId org) {
        return store.state(org, TENANT, CHANNELS)
                .map(json -> read(json, new TypeReference<LinkedHashMap<String, String>>() { }))
                .orElseGet(LinkedHashMap::new);
    }

    public void saveChannel(OrgId org, String channelId, String name) {
        Map<String, String> channels = channels(org);
        if (name.equals(channels.get(channelId))) return;
        channels.remove(channelId);
        channels.put(channelId, name);
        while (channels.size() > MAX_CHANNELS) channels.remove(channels.keySet().iterator().next());
        store.putState(org, TENANT, CHANNELS, write(channels));
    }

    public void forgetChannels(OrgId org, Collection<String> channelIds) {
        Map<String, String> channels = channels(org);
        if (channels.keySet().removeAll(channelIds)) store.putState(org, TENANT, CHANNELS, write(channels));
    }

    public Optional<String> activityId(OrgId org, String conversationId, String replaceKey) {
        return store.state(org, ACTIVITIES, conversationId + "|" + replaceKey);
    }

    public void saveActivityId(OrgId org, String conversationId, String replaceKey, String activityId) {
        store.putState(org, ACTIVITIES, conversationId + "|" + replaceKey, activityId);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Teams state", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Teams state", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
