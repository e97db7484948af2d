package dk.vum.barometer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Framework as the bot instances see it, on one local HTTP server: the OpenID metadata and key set
 * of a locally generated RSA key endorsed for Teams (the instances check every activity's token against
 * it), a client-credentials token endpoint for the bot's own token, and the Bot Connector REST API
 * ({@code /v3/conversations/...}). What the bot sends into a conversation (new activities, updates of a
 * card in place) goes to that conversation's mailbox, stamped on arrival, for the client that waits for it.
 */
final class BotConnectorStub implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Teams sends the same token for a while; a fresh one when this much of its hour is left. */
    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(10);

    /** One activity the bot sent or updated; {@code activityId} is the updated one's, or the id given to a new one. */
    record Call(String method, String conversationId, String activityId, JsonNode body, long receivedNanos) {

        /** The Adaptive Card the activity carries, or a missing node. */
        JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }
    }

    private final String appId;
    private final RSAKey key;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final Map<String, BlockingQueue<Call>> mailboxes = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String token;
    private Instant tokenExpires;

    BotConnectorStub(String appId) {
        this.appId = appId;
        try {
            key = new RSAKeyGenerator(2048).keyID("bench-key").keyUse(KeyUse.SIGNATURE).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            ObjectNode jwk = (ObjectNode) JSON.readTree(key.toPublicJWK().toJSONString());
            jwk.putArray("endorsements").add("msteams");
            ObjectNode keys = JSON.createObjectNode();
            keys.putArray("keys").add(jwk);
            ObjectNode metadata = JSON.createObjectNode().put("issuer", ISSUER).put("jwks_uri", url("/keys"));
            server.createContext("/openid", ex -> respond(ex, 200, metadata));
            server.createContext("/keys", ex -> respond(ex, 200, keys));
            server.createContext("/token", ex -> {
                ex.getRequestBody().readAllBytes();
                respond(ex, 200, JSON.createObjectNode().put("access_token", "bench-access-token").put("expires_in", 3600));
            });
            server.createContext("/v3", this::connector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(handlers);
        server.start();
    }

    String serviceUrl() {
        return url("/");
    }

    URI openIdMetadata() {
        return URI.create(url("/openid"));
    }

    URI tokenEndpoint() {
        return URI.create(url("/token"));
    }

    /** The token the Bot Framework signs its requests to the bot with: this app and this service URL. */
    synchronized String token() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(tokenExpires.minus(TOKEN_RENEWAL))) {
            tokenExpires = now.plus(Duration.ofHours(1));
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(appId).claim("serviceurl", serviceUrl())
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                    .expirationTime(Date.from(tokenExpires)).build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(key));
                token = jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** The next activity the bot sends into the conversation, waiting at most {@code limit}. */
    Call next(String conversationId, Duration limit) {
        try {
            Call call = mailbox(conversationId).poll(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (call == null) throw new BenchFailure("no reply in " + conversationId + " within " + limit);
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    /** Forgets what the conversation has received so far. */
    void clear(String conversationId) {
        mailbox(conversationId).clear();
    }

    private BlockingQueue<Call> mailbox(String conversationId) {
        return mailboxes.computeIfAbsent(conversationId, c -> new LinkedBlockingQueue<>());
    }

    /**
     * {@code POST /v3/conversations} (a new personal chat), {@code POST .../{id}/activities[/{replyTo}]} (a new
     * activity), {@code PUT .../{id}/activities/{activityId}} (an update in place); reads (rosters, channels) find nothing.
     */
    private void connector(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        String[] parts = ex.getRequestURI().getRawPath().split("/");
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String method = ex.getRequestMethod();
        if (method.equals("GET")) {
            respond(ex, 200, JSON.createObjectNode().set(parts.length > 2 && parts[2].equals("teams") ? "conversations" : "members",
                    JSON.createArrayNode()));
            return;
        }
        if (parts.length < 4) {
            respond(ex, 201, JSON.createObjectNode().put("id", TeamsChat.conversation(body.path("members").path(0).path("id").asText())));
            return;
        }
        String conversation = URLDecoder.decode(parts[3], StandardCharsets.UTF_8).replaceAll(";messageid=.*", "");
        String id = method.equals("PUT") ? URLDecoder.decode(parts[5], StandardCharsets.UTF_8) : "act-" + ids.incrementAndGet();
        mailbox(conversation).add(new Call(method, conversation, id, body, received));
        respond(ex, method.equals("POST") ? 201 : 200, JSON.createObjectNode().put("id", id));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
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
        handlers.shutdownNow();
    }
}
