package dk.vum.barometer.slack.http;

import com.slack.api.app_backend.SlackSignature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Slack's request signature (HMAC-SHA256, version v0), checked before anything else reads the request.
 * Bolt's own verifier compares with {@code String.equals}, accepts timestamps from the future and hashes
 * in the platform's default charset; this one compares in constant time, refuses timestamps more than five
 * minutes away in either direction and hashes the body's UTF-8 bytes, as Slack does.
 */
public final class RequestSignature {

    public static final String TIMESTAMP_HEADER = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;
    public static final String SIGNATURE_HEADER = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = SlackSignature.ALGORITHM;

    private final SecretKeySpec key;
    private final Clock clock;

    public RequestSignature(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) throw new IllegalArgumentException("signing secret missing");
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /** The signature Slack would send for this timestamp and body: {@code v0=<hex>}. */
    public String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] hash = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean valid(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || body == null) return false;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > TOLERANCE.toSeconds()) return false;
        String expected = sign(timestamp, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
