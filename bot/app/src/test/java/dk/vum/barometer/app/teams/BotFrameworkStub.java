package dk.vum.barometer.app.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import dk.vum.barometer.teams.TeamsValidation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot Framework as a test sees it, on one local HTTP server (port 0): the OpenID metadata and key set of
 * a locally generated RSA key (and a way to sign tokens with it), a client-credentials token endpoint, and
 * the Bot Connector REST API ({@code /v3/conversations/...}) that records every reply, update and proactive
 * message, keeps each activity's latest content, lists team rosters page by page ({@code pagedmembers} with
 * continuation tokens) and team channels ({@code /v3/teams/{id}/conversations}), and answers with given
 * failures (404, 429, 500, ...) when told to.
 */
public final class BotFrameworkStub implements AutoCloseable {

    public static final String ISSUER = "https://api.botframework.com";
    public static final String ACCESS_TOKEN = "stub-access-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call of the connector API. */
    public record Call(String method, String conversationId, String activityId, String authorization, JsonNode body,
                       String path, String userAgent, int bytes) {

        /** The Adaptive Card the call carried (a new channel thread carries it in its activity), or a missing node. */
        public JsonNode card() {
            JsonNode activity = body.has("activity") ? body.path("activity") : body;
            return activity.path("attachments").path(0).path("content");
        }
    }

    /** A failure to answer instead of success, for calls that match. */
    private record Failure(Predicate<Call> when, int status, String retryAfter) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final RSAKey skypeKey;
    /** What the bot sent (POST, PUT); its reads (GET of rosters and channels) are kept apart. */
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> reads = new ArrayList<>();
    private final Map<String, JsonNode> activities = new LinkedHashMap<>();
    private final Map<String, String> conversationOf = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, List<Member>> rosters = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> teamChannels = new LinkedHashMap<>();
    private int pageSize = 500;

    /** A member of a team as the roster lists them. */
    public record Member(String id, String name) {
    }

    public BotFrameworkStub() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("stub-key").keyUse(KeyUse.SIGNATURE).generate();
        otherKey = new RSAKeyGenerator(2048).keyID("stub-key").keyUse(KeyUse.SIGNATURE).generate();
        skypeKey = new RSAKeyGenerator(2048).keyID("skype-key").keyUse(KeyUse.SIGNATURE).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/openid", ex -> respond(ex, 200, JSON.createObjectNode()
                .put("issuer", ISSUER).put("jwks_uri", url("/keys"))));
        server.createContext("/keys", ex -> {
            ObjectNode keys = JSON.createObjectNode();
            keys.putArray("keys").add(endorsed(key, "msteams")).add(endorsed(skypeKey, "skype"));
            respond(ex, 200, keys);
        });
        server.createContext("/token", ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.incrementAndGet();
            if (!form.contains("grant_type=client_credentials")) {
                respond(ex, 400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
            } else {
                respond(ex, 200, JSON.createObjectNode().put("access_token", ACCESS_TOKEN).put("expires_in", 3600));
            }
        });
        server.createContext("/v3/conversations", this::connector);
        server.createContext("/v3/teams", this::connector);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The serviceUrl activities carry: the connector API lives here. */
    public String serviceUrl() {
        return url("/");
    }

    public URI openIdMetadata() {
        return URI.create(url("/openid"));
    }

    public URI tokenEndpoint() {
        return URI.create(url("/token"));
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    // ---- tokens the Bot Framework would send ---------------------------------------------------------

    /** A valid token for this app and service URL. */
    public String token(String appId) {
        return sign(key, claims(ISSUER, appId, serviceUrl(), Instant.now().plusSeconds(3600)));
    }

    public static JWTClaimsSet claims(String issuer, String audience, String serviceUrl, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).claim("serviceurl", serviceUrl)
                .issueTime(Date.from(expires.minus(Duration.ofHours(1)))).notBeforeTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires)).build();
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Signed with a key the key set holds, but endorsed for another channel than Teams. */
    public String signForAnotherChannel(JWTClaimsSet claims) {
        return sign(skypeKey, claims);
    }

    /** A public key as the Bot Framework lists it: with the channels it signs for. */
    private static JsonNode endorsed(RSAKey key, String channel) throws IOException {
        ObjectNode jwk = (ObjectNode) JSON.readTree(key.toPublicJWK().toJSONString());
        jwk.putArray("endorsements").add(channel);
        return jwk;
    }

    /** Signed with a key of the same id that the key set does not hold: a forgery. */
    public String forge(JWTClaimsSet claims) {
        return sign(otherKey, claims);
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the connector API -----------------------------------------------------------------------------

    /** The next matching call is answered with this status (and Retry-After, if not null) instead. */
    public synchronized void failNext(Predicate<Call> when, int status, String retryAfter) {
        failures.add(new Failure(when, status, retryAfter));
    }

    /** The team's members, as {@code pagedmembers} lists them, {@code pageSize} a page with continuation tokens. */
    public synchronized void roster(String teamId, List<Member> members, int pageSize) {
        rosters.put(teamId, new ArrayList<>(members));
        this.pageSize = pageSize;
    }

    /** The team's channels by id and name ({@code GET /v3/teams/{id}/conversations}); null for the General channel. */
    public synchronized void channels(String teamId, Map<String, String> channels) {
        teamChannels.put(teamId, new LinkedHashMap<>(channels));
    }

    /** Every Adaptive Card the bot sent, for validation. */
    public synchronized List<JsonNode> cards() {
        return calls.stream().map(Call::card).filter(JsonNode::isObject).toList();
    }

    /** Teams refuses a message over 28 KB: the largest body the bot sent, in bytes. */
    public synchronized int largestBody() {
        return calls.stream().mapToInt(Call::bytes).max().orElse(0);
    }

    /**
     * What Teams would refuse: every card the bot sent is valid Adaptive Card 1.5 (Microsoft's adaptivecards
     * package), and no message is over 28 KB.
     */
    public void assertTeamsWouldTakeEverything() {
        assertThat(largestBody()).isLessThanOrEqualTo(28 * 1024);
        TeamsValidation.cards(cards());
    }

    public synchronized List<Call> reads() {
        return List.copyOf(reads);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    /** The latest content of each activity the bot sent into a conversation, in the order first sent. */
    public synchronized List<JsonNode> conversation(String conversationId) {
        List<JsonNode> shown = new ArrayList<>();
        activities.forEach((id, body) -> {
            if (conversationId.equals(conversationOf.get(id))) shown.add(((ObjectNode) body.deepCopy()).put("id", id));
        });
        return shown;
    }

    public synchronized Optional<JsonNode> activity(String activityId) {
        return Optional.ofNullable(activities.get(activityId)).map(JsonNode::deepCopy);
    }

    /** Waits (at most 10 s) until at least {@code count} calls have been recorded. */
    public void awaitCalls(int count) {
        Awaitility.await("expected " + count + " connector calls").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> calls().size() >= count);
    }

    private void connector(HttpExchange ex) throws IOException {
        String fullPath = ex.getRequestURI().getRawPath();
        String path = fullPath.substring(fullPath.startsWith("/v3/teams") ? "/v3/teams".length() : "/v3/conversations".length());
        String[] parts = path.split("/");
        String conversationId = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        String activityId = parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : null;
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String query = ex.getRequestURI().getRawQuery();
        Call call = new Call(ex.getRequestMethod(), conversationId, activityId, ex.getRequestHeaders().getFirst("Authorization"), body,
                ex.getRequestURI().getPath() + (query == null ? "" : "?" + query), ex.getRequestHeaders().getFirst("User-Agent"), raw.length);
        Failure failure;
        ObjectNode answer;
        synchronized (this) {
            (call.method().equals("GET") ? reads : calls).add(call);
            failure = failures.stream().filter(f -> f.when().test(call)).findFirst().orElse(null);
            if (failure != null) failures.remove(failure);
            answer = failure != null ? null : apply(call);
        }
        if (failure != null) {
            if (failure.retryAfter() != null) ex.getResponseHeaders().add("Retry-After", failure.retryAfter());
            respond(ex, failure.status(), JSON.createObjectNode().set("error",
                    JSON.createObjectNode().put("code", "Failure").put("message", "stub failure " + failure.status())));
            return;
        }
        respond(ex, call.method().equals("POST") ? 201 : 200, answer);
    }

    private ObjectNode apply(Call call) {
        if (call.method().equals("GET")) return read(call);
        if (call.conversationId() == null && call.body().has("activity")) {
            // createConversation in a channel: a new thread that starts with the activity
            String id = "act-" + ids.incrementAndGet();
            String channel = call.body().path("channelData").path("channel").path("id").asText();
            activities.put(id, call.body().path("activity"));
            conversationOf.put(id, channel);
            return JSON.createObjectNode().put("id", channel + ";messageid=" + id).put("activityId", id);
        }
        if (call.conversationId() == null) {
            // createConversation: the one-to-one chat with the first member
            return JSON.createObjectNode().put("id", "a:dm-" + call.body().path("members").path(0).path("id").asText());
        }
        if (call.method().equals("PUT")) {
            activities.put(call.activityId(), call.body());
            return JSON.createObjectNode().put("id", call.activityId());
        }
        String id = "act-" + ids.incrementAndGet();
        activities.put(id, call.body());
        conversationOf.put(id, call.conversationId().replaceAll(";messageid=.*", ""));
        return JSON.createObjectNode().put("id", id);
    }

    /** A roster page (the continuation token is the index of the page's first member) or a team's channels. */
    private ObjectNode read(Call call) {
        ObjectNode answer = JSON.createObjectNode();
        if (call.path().startsWith("/v3/teams/")) {
            ArrayNode list = answer.putArray("conversations");
            teamChannels.getOrDefault(call.conversationId(), Map.of()).forEach((id, name) -> {
                ObjectNode channel = list.addObject().put("id", id);
                if (name != null) channel.put("name", name);
            });
            return answer;
        }
        List<Member> members = rosters.getOrDefault(call.conversationId(), List.of());
        String token = call.path().replaceAll(".*continuationToken=([0-9]+).*|.*", "$1");
        int from = token.isEmpty() ? 0 : Integer.parseInt(token);
        ArrayNode page = answer.putArray("members");
        for (Member m : members.subList(Math.min(from, members.size()), Math.min(from + pageSize, members.size()))) {
            page.addObject().put("id", m.id()).put("name", m.name()).put("aadObjectId", UUID.nameUUIDFromBytes(m.id().getBytes(StandardCharsets.UTF_8)).toString())
                    .put("userPrincipalName", m.id().substring(3) + "@kommune.dk").put("tenantId", "t");
        }
        if (from + pageSize < members.size()) answer.put("continuationToken", String.valueOf(from + pageSize));
        return answer;
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The data of the card's Action.Submit (or, in a channel, Action.Execute) titled {@code title} (or whose data has this action and value suffix). */
    public static ObjectNode submitData(JsonNode card, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        card.findValues("actions").forEach(list -> list.forEach(a -> {
            String type = a.path("type").asText();
            if ((type.equals("Action.Submit") || type.equals("Action.Execute")) && which.test(a)) found.add(a.path("data"));
        }));
        if (found.isEmpty()) throw new AssertionError("no such action in " + card);
        return (ObjectNode) found.get(0).deepCopy();
    }
}
