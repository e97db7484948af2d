package dk.vum.barometer.web;

import com.fasterxml.jackson.databind.JsonNode;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import io.javalin.Javalin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A real Javalin server with the web chat on a free port, the demo users, and an HTTP client for it. */
final class ChatServer implements AutoCloseable {

    static final OrgId ORG = OrgId.of(Platform.LOCAL, "demo");
    static final List<String> CHANNELS = List.of("team-nord", "team-syd", "ledelse");

    final InMemoryChatStore store = new InMemoryChatStore();
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** A response: status, content type and body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return ApiJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    ChatServer(ChatBot bot) {
        store.upsertUser(ORG, "u1", "Anna Andersen");
        store.upsertUser(ORG, "u2", "Bo Berg");
        store.upsertUser(ORG, "u3", "Carla Dahl");
        store.upsertUser(OrgId.of(Platform.SLACK, "T1"), "s1", "Slack-bruger");
        WebChatPlugin plugin = new WebChatPlugin(bot, store, store, store, ORG, CHANNELS);
        app = Javalin.create(config -> {
            plugin.register(config);
            // What the bot's file links point to (charts), as the host serves them.
            config.routes.get("/files/{token}/{name}", ctx -> {
                byte[] file = files.get(ctx.path());
                if (file == null) ctx.status(404);
                else ctx.contentType("image/png").result(file);
            });
        }).start("127.0.0.1", 0);
    }

    /** Serves a picture at a path like the host's {@code /files/<token>/<name>}. */
    void serve(String path, byte[] png) {
        files.put(path, png);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
