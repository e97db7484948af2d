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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API on a free port: answers the methods the barometer calls the way
 * Slack does (form-encoded requests, JSON answers), records every call, and can answer every n-th call of
 * chosen methods with HTTP 429 and {@code Retry-After}. Response URLs are served under {@code /respond/}.
 * Direct conversations are named {@code D<user id>}. It also plays OAuth installs ({@code oauth.v2.access}
 * for codes {@code team:T1:user:U1} or {@code enterprise:E1:user:U1}, each workspace getting its own token that
 * {@code auth.test} answers for), revoked tokens ({@code invalid_auth}), channels the bot is in or not
 * ({@code conversations.info}/{@code join}; {@code C0OUT…} channels refuse the bot, {@code G…} are private) and
 * Socket Mode's {@code apps.connections.open}.
 */
public final class SlackApiStub implements AutoCloseable {

    public static final String TEAM = "T0STUB";
    public static final String BOT_USER = "U0BOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One call: the method (or "response_url"), its parameters, whether it was answered with 429, the bot
     * token it came with and when it came ({@link System#nanoTime()}).
     */
    public record Call(String method, Map<String, String> params, boolean limited, String token, long nanos) {
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
    private final Map<String, Long> limitNext = new ConcurrentHashMap<>();
    /** Token → team (or enterprise) it was issued for by oauth.v2.access. */
    private final Map<String, String> tokenTeams = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Channels the bot is a member of; channels starting with G are private. */
    private final Set<String> memberOf = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failConnects = new AtomicInteger();
    private volatile String socketUrl;
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

    /** The next call of the method is answered 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(String method, long seconds) {
        limitNext.put(method, seconds);
    }

    /** From now on every call with this token gets {@code invalid_auth}, as after the workspace revoked it. */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** The bot is a member of these channels (conversations.info says so; posting works). */
    public void botIn(String... channels) {
        memberOf.addAll(List.of(channels));
    }

    /** apps.connections.open fails {@code times} times, then gives {@code url}. */
    public void socketMode(String url, int failingFirst) {
        this.socketUrl = url;
        this.failConnects.set(failingFirst);
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
        String token = token(exchange, params);
        Long retryAfter = limitNext.remove(method);
        boolean limited = retryAfter != null
                || (limitEvery > 0 && limitedMethods.contains(method) && limitedCounter.incrementAndGet() % limitEvery == 0);
        synchronized (calls) {
            calls.add(new Call(method, params, limited, token, System.nanoTime()));
        }
        if (limited) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter == null ? 1 : retryAfter));
            write(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        if (token != null && revoked.contains(token)) {
            write(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
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
        write(exchange, 200, JSON.writeValueAsString(answer(method, params, token)));
    }

    private ObjectNode answer(String method, Map<String, String> params, String token) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        String ts = "1700000000." + String.format("%06d", counter.incrementAndGet());
        switch (method) {
            case "auth.test" -> {
                String team = tokenTeams.getOrDefault(String.valueOf(token), TEAM);
                boolean org = team.startsWith("E");
                answer.put("team_id", team).put("user_id", org ? "UB" + team : BOT_USER).put("bot_id", "B0BOT")
                        .put("team", "Stub Kommune").put("user", "barometer").put("url", "https://stub.slack.com/");
                if (org) answer.put("enterprise_id", team).put("is_enterprise_install", true);
            }
            case "oauth.v2.access" -> oauth(answer, params.getOrDefault("code", ""));
            case "conversations.info" -> answer.putObject("channel").put("id", params.get("channel"))
                    .put("is_private", params.get("channel").startsWith("G")).put("is_member", memberOf.contains(params.get("channel")));
            case "conversations.join" -> {
                if (params.get("channel").startsWith("G")) return error("method_not_supported_for_channel_type");
                // Channels named C0OUT… stand for channels the workspace does not let the bot into.
                if (params.get("channel").startsWith("C0OUT")) return error("restricted_action");
                memberOf.add(params.get("channel"));
                answer.putObject("channel").put("id", params.get("channel"));
            }
            case "apps.connections.open" -> {
                if (socketUrl == null || failConnects.getAndDecrement() > 0) return error("internal_error");
                answer.put("url", socketUrl);
            }
            case "conversations.open" -> answer.putObject("channel").put("id", "D" + params.get("users"));
            case "chat.postMessage", "chat.update" -> {
                String channel = params.get("channel");
                if (channel.startsWith("G") && !memberOf.contains(channel)) return error("channel_not_found");
                if (channel.startsWith("C0OUT")) return error("not_in_channel");
                answer.put("channel", channel).put("ts",
                        method.equals("chat.update") ? params.get("ts") : ts);
            }
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

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    /** A code names the workspace ({@code team:T1:user:U1}) or the Grid organisation ({@code enterprise:E1:user:U1}). */
    private ObjectNode oauth(ObjectNode answer, String code) {
        String[] parts = code.split(":");
        if (parts.length != 4 || !parts[2].equals("user")) return error("invalid_code");
        boolean org = parts[0].equals("enterprise");
        String id = parts[1];
        String token = "xoxb-" + id + "-" + counter.incrementAndGet();
        tokenTeams.put(token, id);
        answer.put("access_token", token).put("token_type", "bot").put("scope", "commands,chat:write")
                .put("bot_user_id", "UB" + id).put("app_id", "A0STUB").put("is_enterprise_install", org);
        if (org) {
            answer.putObject("enterprise").put("id", id).put("name", "Grid " + id);
            answer.putNull("team");
        } else {
            answer.putObject("team").put("id", id).put("name", "Kommune " + id);
            answer.putNull("enterprise");
        }
        answer.putObject("authed_user").put("id", parts[3]);
        return answer;
    }

    /** The bot token a call came with: Bearer header, or a token parameter. */
    private static String token(HttpExchange exchange, Map<String, String> params) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) return auth.substring("Bearer ".length());
        return params.get("token");
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
            calls.add(new Call("upload", Map.of("file_id", file, "length", String.valueOf(bytes.length)), false, null, System.nanoTime()));
        }
        write(exchange, 200, "OK - " + bytes.length);
    }

    private void respond(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange);
        params.put("response_url", exchange.getRequestURI().getPath());
        synchronized (calls) {
            calls.add(new Call("response_url", params, false, null, System.nanoTime()));
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
