package dk.vum.barometer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.MessageCodec;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local web chat's JSON API as the page uses it: every POST acts in the user's direct conversation
 * with a fresh {@code clientId}, and the bot's replies are read back as neutral messages.
 */
final class ChatClient {

    /** The replies to one request, how long it took and how many bytes came back. */
    record Timed(List<Message> replies, long nanos, int bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    ChatClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    static String dm(String user) {
        return "dm:" + user;
    }

    /** The user's direct conversation as the page polls it (first page). */
    List<Message> inbox(String user) {
        String path = "/api/chat/conversations/" + URLEncoder.encode(dm(user), StandardCharsets.UTF_8)
                + "/messages?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        JsonNode body = parse(send(HttpRequest.newBuilder(base.resolve(path)).GET()).body());
        List<Message> messages = new ArrayList<>();
        for (JsonNode entry : body.get("messages")) messages.add(MessageCodec.fromJson(entry.get("message").toString()));
        return messages;
    }

    Timed say(String user, String text) {
        ObjectNode body = envelope(user);
        body.put("text", text);
        return post("/api/chat/messages", body);
    }

    Timed press(String user, Block.Button button) {
        ObjectNode body = envelope(user);
        body.put("action", button.action());
        body.put("value", button.value());
        return post("/api/chat/actions", body);
    }

    /** Submits a form with its hidden values and the given field values. */
    Timed submit(String user, Block.Form form, Map<String, String> values) {
        ObjectNode body = envelope(user);
        ObjectNode all = body.putObject("values");
        form.hidden().forEach(all::put);
        values.forEach(all::put);
        body.put("formId", form.formId());
        return post("/api/chat/forms", body);
    }

    /** The user's direct conversation as the coordinator's line: the replies as text, scores as the page shows them. */
    Coordinator.Line line(String user) {
        return text -> {
            Timed reply = say(user, text);
            StringBuilder shown = new StringBuilder();
            boolean scores = false;
            for (Message m : reply.replies()) {
                for (Block b : m.blocks()) {
                    shown.append(b.plainText()).append('\n');
                    scores |= b instanceof Block.Bars || b instanceof Block.Image image && image.alt().contains(Coordinator.SCORES);
                }
            }
            return new Coordinator.Said(shown.toString(), scores, reply.nanos(), reply.bytes());
        };
    }

    boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ObjectNode envelope(String user) {
        ObjectNode body = JSON.createObjectNode();
        body.put("user", user);
        body.put("conversation", dm(user));
        body.put("clientId", UUID.randomUUID().toString());
        return body;
    }

    private Timed post(String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        long started = System.nanoTime();
        HttpResponse<String> response = send(request);
        long elapsed = System.nanoTime() - started;
        List<Message> replies = new ArrayList<>();
        for (JsonNode entry : parse(response.body()).get("replies")) {
            replies.add(MessageCodec.fromJson(entry.get("message").toString()));
        }
        return new Timed(replies, elapsed, response.body().getBytes(StandardCharsets.UTF_8).length);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BenchFailure("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new BenchFailure("HTTP " + response.statusCode() + " from " + response.uri().getPath() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new BenchFailure("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}
