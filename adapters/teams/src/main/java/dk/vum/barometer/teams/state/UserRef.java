package dk.vum.barometer.teams.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach a user: the Bot Connector service of their tenant, the bot's id there, the one-to-one
 * conversation with them (null until one is created), whether they have the app in their personal scope,
 * and the teams with the app they are members of. A person is reachable through either; when both are gone
 * the reference is forgotten.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRef(String serviceUrl, String botId, String conversationId, boolean personal, Set<String> teams) {

    public UserRef {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** Someone who installed the app or wrote to the bot in their personal chat. */
    public static UserRef personal(String serviceUrl, String botId, String conversationId) {
        return new UserRef(serviceUrl, botId, conversationId, true, Set.of());
    }

    /** A member of a team with the app, reached by opening a one-to-one chat when first written to. */
    public static UserRef teamMember(String serviceUrl, String botId, String teamId) {
        return new UserRef(serviceUrl, botId, null, false, Set.of(teamId));
    }

    public UserRef withConversation(String id) {
        return new UserRef(serviceUrl, botId, id, personal, teams);
    }

    public UserRef withPersonal(String serviceUrl, String botId, String conversationId) {
        return new UserRef(serviceUrl, botId, conversationId, true, teams);
    }

    public UserRef withTeam(String teamId) {
        Set<String> more = new TreeSet<>(teams);
        more.add(teamId);
        return new UserRef(serviceUrl, botId, conversationId, personal, more);
    }

    /** Without this team; a reference from before teams were recorded (no teams, not personal) stays as it is. */
    public UserRef withoutTeam(String teamId) {
        Set<String> fewer = new TreeSet<>(teams);
        fewer.remove(teamId);
        return new UserRef(serviceUrl, botId, conversationId, personal, fewer);
    }

    /** Without the personal app: reachable only as long as a team with the app has them. */
    public UserRef withoutPersonal() {
        return new UserRef(serviceUrl, botId, null, false, teams);
    }

    /** Whether nothing lets the bot write to them any more. */
    public boolean unreachable() {
        return !personal && teams.isEmpty();
    }
}
