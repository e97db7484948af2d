package dk.vum.barometer.app.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Teams as the Bot Framework delivers it: builds the activities Teams would POST for installations,
 * messages (with @mentions) and card submits, in personal chats or a team channel, and posts them to the
 * running host with a token signed by the stub's key.
 */
public final class TeamsClient {

    public static final String BOT_ID = "28:barometer-bot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final BotFrameworkStub stub;
    private final String appId;
    private final String tenantId;
    private final HttpClient http = HttpClient.newHttpClient();

    public TeamsClient(int port, BotFrameworkStub stub, String appId, String tenantId) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.stub = stub;
        this.appId = appId;
        this.tenantId = tenantId;
    }

    public static String personalConversation(String userId) {
        return "a:dm-" + userId;
    }

    /** The app added to the user's personal scope. */
    public ObjectNode installPersonal(String userId, String name) {
        ObjectNode a = base("installationUpdate", userId, name, personalConversation(userId), "personal");
        a.put("action", "add");
        return a;
    }

    /** The app added to a team by the installer. */
    public ObjectNode installInTeam(String channelId, String teamName, String installerId, String installerName) {
        ObjectNode a = base("installationUpdate", installerId, installerName, channelId, "channel");
        a.put("action", "add");
        ObjectNode channelData = (ObjectNode) a.get("channelData");
        channelData.putObject("team").put("id", channelId).put("name", teamName);
        channelData.putObject("channel").put("id", channelId);
        return a;
    }

    /** Teams' conversationUpdate when people join a team the app is in (the bot is not among them). */
    public ObjectNode membersAdded(String channelId, String... userIds) {
        ObjectNode a = base("conversationUpdate", userIds[0], null, channelId, "channel");
        ArrayNode added = a.putArray("membersAdded");
        for (String id : userIds) added.addObject().put("id", id);
        ObjectNode channelData = (ObjectNode) a.get("channelData");
        channelData.putObject("team").put("id", channelId).put("name", "Team Nord");
        channelData.putObject("channel").put("id", channelId);
        return a;
    }

    /** The app removed from a team (installationUpdate "remove" in the team's General channel). */
    public ObjectNode uninstallFromTeam(String teamId, String userId) {
        ObjectNode a = base("installationUpdate", userId, null, teamId, "channel");
        a.put("action", "remove");
        ObjectNode channelData = (ObjectNode) a.get("channelData");
        channelData.putObject("team").put("id", teamId);
        channelData.putObject("channel").put("id", teamId);
        return a;
    }

    /** Teams' conversationUpdate when people leave a team the app is in. */
    public ObjectNode membersRemoved(String teamId, String... userIds) {
        ObjectNode a = base("conversationUpdate", userIds[0], null, teamId, "channel");
        ArrayNode removed = a.putArray("membersRemoved");
        for (String id : userIds) removed.addObject().put("id", id);
        ObjectNode channelData = (ObjectNode) a.get("channelData");
        channelData.put("eventType", "teamMemberRemoved");
        channelData.putObject("team").put("id", teamId);
        channelData.putObject("channel").put("id", teamId);
        return a;
    }

    public ObjectNode message(String userId, String name, String text) {
        ObjectNode a = base("message", userId, name, personalConversation(userId), "personal");
        a.put("text", text);
        return a;
    }

    /**
     * A message in a channel thread that @mentions the bot first; {@code mentions} are (id, name) pairs of
     * people mentioned after {@code text}.
     */
    public ObjectNode channelMessage(String channelId, String userId, String name, String text, String... mentions) {
        ObjectNode a = base("message", userId, name, channelId + ";messageid=" + Math.abs(UUID.randomUUID().getMostSignificantBits()), "channel");
        // As Teams sends it: the team and the channel by id only (the General channel's id is the team's).
        ((ObjectNode) a.get("channelData")).putObject("channel").put("id", channelId);
        ((ObjectNode) a.get("channelData")).putObject("team").put("id", channelId);
        ArrayNode entities = a.putArray("entities");
        StringBuilder full = new StringBuilder("<at>Barometer</at> ").append(text);
        mention(entities, BOT_ID, "Barometer");
        for (int i = 0; i < mentions.length; i += 2) {
            full.append(" <at>").append(mentions[i + 1]).append("</at>");
            mention(entities, mentions[i], mentions[i + 1]);
        }
        a.put("text", full.toString());
        return a;
    }

    /** The press of an Action.Submit on the card with this activity id, in the user's personal chat. */
    public ObjectNode submit(String userId, String name, String cardActivityId, ObjectNode data) {
        ObjectNode a = base("message", userId, name, personalConversation(userId), "personal");
        a.put("replyToId", cardActivityId);
        a.set("value", data);
        return a;
    }

    /** The press of an Action.Submit on a card the bot posted in a channel, by any member, in its thread. */
    public ObjectNode submitInChannel(String channelId, String userId, String name, String cardActivityId, ObjectNode data) {
        ObjectNode a = base("message", userId, name, channelId + ";messageid=" + cardActivityId, "channel");
        ((ObjectNode) a.get("channelData")).putObject("channel").put("id", channelId).put("name", "Team Nord");
        a.put("replyToId", cardActivityId);
        a.set("value", data);
        return a;
    }

    private static void mention(ArrayNode entities, String id, String name) {
        ObjectNode m = entities.addObject();
        m.put("type", "mention");
        m.put("text", "<at>" + name + "</at>");
        m.putObject("mentioned").put("id", id).put("name", name);
    }

    private ObjectNode base(String type, String userId, String name, String conversationId, String conversationType) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "f:" + UUID.randomUUID());
        a.put("timestamp", "2026-12-01T09:00:00.000Z");
        a.put("channelId", "msteams");
        a.put("serviceUrl", stub.serviceUrl());
        a.putObject("from").put("id", userId).put("name", name).put("aadObjectId", UUID.randomUUID().toString());
        a.putObject("conversation").put("id", conversationId).put("conversationType", conversationType).put("tenantId", tenantId);
        a.putObject("recipient").put("id", BOT_ID).put("name", "Barometer");
        a.putObject("channelData").putObject("tenant").put("id", tenantId);
        return a;
    }

    /** Posts with a valid token; returns the HTTP status. */
    public int post(JsonNode activity) {
        return post(activity, "Bearer " + stub.token(appId));
    }

    public int post(JsonNode activity, String authorization) {
        return post(activity.toString(), authorization);
    }

    public int post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("Authorization", authorization);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All text of a card as a reader sees it: Markdown escapes removed, zero-width spaces dropped. */
    public static String text(JsonNode card) {
        String texts = card.findValues("text").stream().map(JsonNode::asText).collect(Collectors.joining("\n"));
        String facts = card.findValues("facts").stream().flatMap(f -> StreamSupport.stream(f.spliterator(), false))
                .map(f -> f.path("title").asText() + ": " + f.path("value").asText()).collect(Collectors.joining("\n"));
        return (texts + "\n" + facts).replaceAll("\\\\(.)", "$1").replace("\u200B", "");
    }
}
