package dk.vum.barometer.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API on a free port: answers the methods the barometer calls the way
 * Slack does (form-encoded requests, JSON answers), records every call, and can answer every n-th call of
 * chosen methods with HTTP 429 and {@code Retry-After}. Response URLs are served under {@code /respond/}.
 * Direct conversations are named {@code D<user id>}.
 */
public final class SlackApiStub implements AutoCloseable {

    public static final String TEAM = "T0STUB";
    public static final String BOT_USER = "U0BOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the method (or "response_url"), its parameters, and whether it was answered with 429. */
    public record Call(String method, Map<String, String> params, boolean limited) {
        public String param(String name) {
            return params.get(name);
        }

        /** A parameter that holds JSON, e.g. {@code blocks} or {@code view}. */
        public JsonNode json(String name) {
            try {
                String value = params.get(name);
                return value == null ? JSON.missingNode() : JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, byte[]> uploads = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger limitedCounter = new AtomicInteger();
    private volatile int limitEvery;
    private volatile Set<String> limitedMethods = Set.of();
    private volatile Set<String> failingChannels = Set.of();

    private SlackApiStub(HttpServer server) {
        this.server = server;
    }

    public static SlackApiStub start() {
        // Without TCP_NODELAY every answer waits for the client's delayed ACK (some 40 ms on loopback).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SlackApiStub stub = new SlackApiStub(server);
            server.createContext("/api/", stub::api);
            server.createContext("/respond/", stub::respond);
            server.createContext("/upload/", stub::upload);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on every n-th call of the given methods is answered with 429 (0 turns it off). */
    public void rateLimitEvery(int n, Set<String> methods) {
        this.limitedMethods = Set.copyOf(methods);
        this.limitEvery = n;
    }

    /** From now on every call naming one of these channels is answered with HTTP 500 (none: Slack recovered). */
    public void failIn(String... channels) {
        this.failingChannels = Set.of(channels);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Calls of a method that Slack accepted (not those answered with 429). */
    public List<Call> accepted(String method) {
        return calls().stream().filter(c -> c.method().equals(method) && !c.limited()).toList();
    }

    public long limitedCount() {
        return calls().stream().filter(Call::limited).count();
    }

    /** Waits (up to ten seconds) for the {@code n}-th accepted call matching, and returns it. */
    public Call await(String method, Predicate<Call> which, int n) {
        List<Call> matching = Awaitility.await("no " + method + " call #" + n + " came")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> accepted(method).stream().filter(which).toList(), calls -> calls.size() >= n);
        return matching.get(n - 1);
    }

    public Call await(String method, Predicate<Call> which) {
        return await(method, which, 1);
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = params(exchange);
        boolean limited = limitEvery > 0 && limitedMethods.contains(method) && limitedCounter.incrementAndGet() % limitEvery == 0;
        synchronized (calls) {
            calls.add(new Call(method, params, limited));
        }
        if (limited) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            write(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        // A channel or user named "ERR_<code>" gets Slack's error <code>; "HTTP_500" a server error.
        String target = params.getOrDefault("channel", params.getOrDefault("users", ""));
        if (target.equals("HTTP_500") || failingChannels.contains(target)) {
            write(exchange, 500, "oops");
            return;
        }
        if (target.startsWith("ERR_")) {
            write(exchange, 200, "{\"ok\":false,\"error\":\"" + target.substring(4).toLowerCase() + "\"}");
            return;
        }
        write(exchange, 200, JSON.writeValueAsString(answer(method, params)));
    }

    private ObjectNode answer(String method, Map<String, String> params) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        String ts = "1700000000." + String.format("%06d", counter.incrementAndGet());
        switch (method) {
            case "auth.test" -> answer.put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "B0BOT")
                    .put("team", "Stub Kommune").put("user", "barometer").put("url", "https://stub.slack.com/");
            case "conversations.open" -> answer.putObject("channel").put("id", "D" + params.get("users"));
            case "chat.postMessage", "chat.update" -> answer.put("channel", params.get("channel")).put("ts",
                    method.equals("chat.update") ? params.get("ts") : ts);
            case "chat.postEphemeral" -> answer.put("message_ts", ts);
            case "users.info" -> {
                String user = params.get("user");
                ObjectNode u = answer.putObject("user").put("id", user).put("name", user.toLowerCase()).put("real_name", "Person " + user);
                u.putObject("profile").put("display_name", "Person " + user).put("real_name", "Person " + user);
            }
            case "views.open", "views.publish" -> answer.putObject("view").put("id", "V" + counter.get());
            case "files.getUploadURLExternal" -> {
                String file = "F" + counter.get();
                answer.put("file_id", file).put("upload_url", base() + "/upload/" + file);
            }
            case "files.completeUploadExternal" -> answer.putArray("files").addObject()
                    .put("id", JSON.readTree(params.get("files")).path(0).path("id").asText());
            default -> {
            }
        }
        return answer;
    }

    /** The bytes of an uploaded file, by the file id files.getUploadURLExternal gave out. */
    public byte[] uploaded(String fileId) {
        synchronized (uploads) {
            return uploads.get(fileId);
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        String file = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        synchronized (uploads) {
            uploads.put(file, bytes);
        }
        synchronized (calls) {
            calls.add(new Call("upload", Map.of("file_id", file, "length", String.valueOf(bytes.length)), false));
        }
        write(exchange, 200, "OK - " + bytes.length);
    }

    private void respond(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange);
        params.put("response_url", exchange.getRequestURI().getPath());
        synchronized (calls) {
            calls.add(new Call("response_url", params, false));
        }
        write(exchange, 200, "ok");
    }

    /** Form parameters, or the fields of a JSON body (nested values as JSON text). */
    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.contains("json")) {
            JSON.readTree(body).fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 && body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
