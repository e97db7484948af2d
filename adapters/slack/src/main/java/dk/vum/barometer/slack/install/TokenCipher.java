package dk.vum.barometer.slack.install;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals bot tokens for the database with AES-256-GCM: a copy of the database gives no token without the
 * key, which lives outside it. The associated data names the installation, so a sealed token copied onto
 * another workspace's row does not open.
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(byte[] key) {
        if (key == null || key.length != 32) throw new IllegalArgumentException("the token key must be 32 bytes");
        this.key = new SecretKeySpec(key, "AES");
    }

    public String seal(String installation, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, installation).doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(String installation, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, installation).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("a stored Slack token does not open: is the token key the one it was sealed with?", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String installation) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(installation.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
