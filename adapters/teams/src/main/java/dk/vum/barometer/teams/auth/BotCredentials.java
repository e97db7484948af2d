package dk.vum.barometer.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.credentials.ServiceClientCredentials;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bot's own token for calls to the Bot Connector: an OAuth 2.0 client-credentials grant at the
 * configured token endpoint (Microsoft Entra ID in production, a stub in tests), cached until five
 * minutes before it expires. Plugged into the SDK's REST client as its credentials.
 */
public final class BotCredentials implements ServiceClientCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY_RENEWAL = Duration.ofMinutes(5);

    private final URI tokenEndpoint;
    private final String appId;
    private final String appPassword;
    private final String scope;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Token cached;

    private record Token(String value, Instant renewAt) {
    }

    public BotCredentials(URI tokenEndpoint, String appId, String appPassword, String scope, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.appId = appId;
        this.appPassword = appPassword;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public void applyCredentialsFilter(OkHttpClient.Builder builder) {
        builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer " + token()).build()));
    }

    /** A valid token, fetched when none is cached or it is about to expire. */
    public synchronized String token() throws IOException {
        if (cached == null || !Instant.now(clock).isBefore(cached.renewAt())) cached = fetch();
        return cached.value();
    }

    private Token fetch() throws IOException {
        String form = Map.of("grant_type", "client_credentials", "client_id", appId,
                        "client_secret", appPassword == null ? "" : appPassword, "scope", scope)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while getting a token", e);
        }
        if (response.statusCode() != 200) {
            // The body may name the app but never holds the secret; the status is enough to act on.
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) throw new IOException("token endpoint gave no access_token");
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
        Duration early = lifetime.compareTo(EARLY_RENEWAL.multipliedBy(2)) > 0 ? EARLY_RENEWAL : lifetime.dividedBy(2);
        return new Token(token, Instant.now(clock).plus(lifetime).minus(early));
    }
}
