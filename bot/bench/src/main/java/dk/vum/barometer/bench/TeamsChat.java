package dk.vum.barometer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Teams as the Bot Framework delivers it to the bot instances: personal-chat activities (the app installed,
 * a typed message with @mentions, an Adaptive Card's Action.Submit) posted to an instance's
 * {@code /api/messages} with a signed token, and the bot's answer read from the {@link BotConnectorStub} it
 * writes to. An instance answers 200 at once and replies afterwards through the connector, so a click is
 * acknowledged when its reply arrives there.
 */
final class TeamsChat {

    static final String APP_ID = "barometer-bench-app";
    static final String TENANT = "bench-tenant";
    static final String BOT_ID = "28:barometer-bench";
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TYPED_MENTION = Pattern.compile("@(\\S+)");

    /** The reply to one activity and how long it took, from sending the activity to the reply's arrival. */
    record Reply(BotConnectorStub.Call call, long nanos) {
    }

    private final BotConnectorStub connector;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    TeamsChat(BotConnectorStub connector) {
        this.connector = connector;
    }

    BotConnectorStub connector() {
        return connector;
    }

    /** A person's Teams id ("29:…") for the benchmark's user id. */
    static String teamsId(String user) {
        return "29:" + user;
    }

    /** The personal chat of a person with the bot, as the stub connector names it when the bot opens one. */
    static String conversation(String teamsId) {
        return "a:dm-" + teamsId;
    }

    /** The app added to the person's personal scope: the bot stores how to reach them and greets them. */
    ObjectNode installed(String user, String name) {
        return activity("installationUpdate", user, name).put("action", "add");
    }

    /** Typed text; every {@code @user} becomes a Teams @mention of that person (named as {@code names} says). */
    ObjectNode message(String user, String name, String text, Map<String, String> names) {
        ObjectNode a = activity("message", user, name);
        ArrayNode entities = a.putArray("entities");
        Matcher typed = TYPED_MENTION.matcher(text);
        String withMentions = typed.replaceAll(m -> {
            String who = names.getOrDefault(m.group(1), m.group(1));
            ObjectNode mention = entities.addObject().put("type", "mention").put("text", "<at>" + who + "</at>");
            mention.putObject("mentioned").put("id", teamsId(m.group(1))).put("name", who);
            return Matcher.quoteReplacement("<at>" + who + "</at>");
        });
        return a.put("text", withMentions);
    }

    /** The press of an Action.Submit on the card with this activity id, carrying the action's data. */
    ObjectNode submit(String user, String name, String cardActivityId, JsonNode data) {
        ObjectNode a = activity("message", user, name);
        a.put("replyToId", cardActivityId);
        a.set("value", data);
        return a;
    }

    /** Posts the activity to the instance and waits for the bot's next activity in the person's chat. */
    Reply ask(URI instance, String user, ObjectNode activity) {
        long started = System.nanoTime();
        post(instance, activity);
        BotConnectorStub.Call reply = connector.next(conversation(teamsId(user)), REPLY_WAIT);
        return new Reply(reply, reply.receivedNanos() - started);
    }

    /** Posts the activity; the instance must take it (200). */
    void post(URI instance, ObjectNode activity) {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/api/messages")).timeout(REPLY_WAIT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + connector.token())
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchFailure("HTTP " + response.statusCode() + " from " + instance + "/api/messages: " + response.body());
            }
        } catch (IOException e) {
            throw new BenchFailure("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    /**
     * The person's personal chat as the coordinator's line, each command sent to the instance {@code instances}
     * gives (a load balancer's choice); mentioned people are named as {@code names} says.
     */
    Coordinator.Line line(Supplier<URI> instances, String user, String name, Map<String, String> names) {
        return text -> {
            connector.clear(conversation(teamsId(user)));
            Reply reply = ask(instances.get(), user, message(user, name, text, names));
            JsonNode card = reply.call().card();
            boolean scores = card.findValues("altText").stream().anyMatch(alt -> alt.asText().contains(Coordinator.SCORES));
            return new Coordinator.Said(text(card), scores, reply.nanos(),
                    reply.call().body().toString().getBytes(StandardCharsets.UTF_8).length);
        };
    }

    /** All text of a card as a reader sees it: Markdown escapes removed, zero-width spaces dropped. */
    static String text(JsonNode card) {
        String texts = card.findValues("text").stream().map(JsonNode::asText).collect(Collectors.joining("\n"));
        StringBuilder facts = new StringBuilder();
        card.findValues("facts").forEach(list -> list.forEach(f ->
                facts.append(f.path("title").asText()).append(": ").append(f.path("value").asText()).append('\n')));
        return (texts + "\n" + facts).replaceAll("\\\\(.)", "$1").replace("\u200B", "");
    }

    private ObjectNode activity(String type, String user, String name) {
        String id = teamsId(user);
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "f:" + UUID.randomUUID());
        a.put("timestamp", Instant.now().toString());
        a.put("channelId", "msteams");
        a.put("serviceUrl", connector.serviceUrl());
        a.putObject("from").put("id", id).put("name", name).put("aadObjectId", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
        a.putObject("conversation").put("id", conversation(id)).put("conversationType", "personal").put("tenantId", TENANT);
        a.putObject("recipient").put("id", BOT_ID).put("name", "Barometer");
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        return a;
    }
}
