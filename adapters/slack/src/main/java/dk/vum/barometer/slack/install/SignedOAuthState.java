package dk.vum.barometer.slack.install;

import com.slack.api.bolt.service.OAuthStateService;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The OAuth {@code state} as a value signed with SLACK_STATE_SECRET ({@code expiry.nonce.hmac}) instead of a
 * row in a datastore: any instance can check it, and it expires after ten minutes. Bolt also keeps it in a
 * cookie and compares the two, so a state only works in the browser that began the install.
 */
public final class SignedOAuthState implements OAuthStateService {

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SignedOAuthState(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public String generateNewStateValue() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = (clock.instant().getEpochSecond() + getExpirationInSeconds()) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return body + "." + mac(body);
    }

    @Override
    public void addNewStateToDatastore(String state) {
        // Nothing to keep: the state carries its own signature and expiry.
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        int last = state.lastIndexOf('.');
        int first = state.indexOf('.');
        if (first <= 0 || last <= first) return false;
        String body = state.substring(0, last);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), state.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Long.parseLong(state.substring(0, first)) >= clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        // Expires by itself; Slack accepts each code once.
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
