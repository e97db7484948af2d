package dk.vum.barometer.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Checks that a request comes from the Bot Framework for this bot, as the Bot Connector authentication
 * protocol asks: an RS256 JWT signed by a key of the OpenID metadata's key set, issued by the metadata's
 * issuer, for this app id, not expired (5 minutes' clock skew), whose {@code serviceurl} claim is the
 * activity's service URL. Only keys endorsed for Teams are trusted (the Bot Framework lists, per key, the
 * channels it signs for). The metadata and keys are fetched on first use and cached (keys refreshed by
 * nimbus-jose-jwt when an unknown key id shows up).
 */
public final class BotTokenValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLOCK_SKEW_SECONDS = 300;
    private static final String SERVICE_URL_CLAIM = "serviceurl";
    private static final String CHANNEL = "msteams";
    private static final int KEYS_SIZE_LIMIT = 512 * 1024;

    private final URI metadataUrl;
    private final String appId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    public BotTokenValidator(URI metadataUrl, String appId) {
        this.metadataUrl = metadataUrl;
        this.appId = appId;
    }

    /**
     * Checks the token alone, before anything reads the request's body.
     *
     * @param authorization the request's Authorization header, or null
     * @return the service URL the token was issued for: the activity must carry this one
     */
    public String validate(String authorization) throws InvalidToken {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidToken("no bearer token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(authorization.substring(7).strip(), null);
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new InvalidToken(e.getMessage(), e);
        }
        if (!(claims.getClaim(SERVICE_URL_CLAIM) instanceof String url) || url.isBlank()) {
            throw new InvalidToken("the token names no serviceurl");
        }
        return url;
    }

    /** The activity's service URL is the one the token was issued for. */
    public static void requireServiceUrl(String tokenServiceUrl, String activityServiceUrl) throws InvalidToken {
        if (activityServiceUrl == null || !tokenServiceUrl.equalsIgnoreCase(activityServiceUrl)) {
            throw new InvalidToken("the token's serviceurl is not the activity's");
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws InvalidToken {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p != null) return p;
        synchronized (this) {
            if (processor == null) processor = build(metadata());
            return processor;
        }
    }

    private DefaultJWTProcessor<SecurityContext> build(JsonNode metadata) throws InvalidToken {
        String issuer = metadata.path("issuer").asText("");
        String jwksUri = metadata.path("jwks_uri").asText("");
        if (issuer.isEmpty() || jwksUri.isEmpty()) throw new InvalidToken("OpenID metadata without issuer or jwks_uri");
        JWKSource<SecurityContext> keys;
        try {
            ResourceRetriever http = new DefaultResourceRetriever(10_000, 10_000, KEYS_SIZE_LIMIT);
            keys = JWKSourceBuilder.<SecurityContext>create(new URL(jwksUri), endorsedFor(CHANNEL, http)).retrying(true).build();
        } catch (IOException e) {
            throw new InvalidToken("bad jwks_uri in the OpenID metadata", e);
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(Set.of(appId),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", SERVICE_URL_CLAIM), null);
        verifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(verifier);
        return p;
    }

    /**
     * Leaves out the keys whose {@code endorsements} do not name the channel, as the Bot Framework's
     * protocol asks; keys without endorsements stay.
     */
    static ResourceRetriever endorsedFor(String channel, ResourceRetriever http) {
        return url -> {
            Resource resource = http.retrieveResource(url);
            JsonNode set = JSON.readTree(resource.getContent());
            ArrayNode endorsed = JSON.createArrayNode();
            for (JsonNode key : set.path("keys")) {
                JsonNode endorsements = key.get("endorsements");
                boolean ok = endorsements == null || StreamSupport.stream(endorsements.spliterator(), false)
                        .anyMatch(e -> channel.equals(e.asText()));
                if (ok) endorsed.add(key);
            }
            ObjectNode filtered = JSON.createObjectNode();
            filtered.set("keys", endorsed);
            return new Resource(JSON.writeValueAsString(filtered), resource.getContentType());
        };
    }

    private JsonNode metadata() throws InvalidToken {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metadataUrl).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new InvalidToken("OpenID metadata answered " + response.statusCode());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new InvalidToken("OpenID metadata unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidToken("interrupted", e);
        }
    }
}
