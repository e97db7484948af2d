package dk.vum.barometer.storage;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * AES-256-GCM for what is linked to a person on a database that keeps dead row versions (PostgreSQL):
 * every version of a draft, and a sealed submission until it is mixed, is only ciphertext there.
 * The key comes from configuration, never from the database. Every write draws a fresh random nonce;
 * the associated data binds a ciphertext to its purpose and owner (organisation, measurement, user), so
 * a value copied into another row does not decrypt. The text is padded to whole blocks of
 * {@value #BLOCK} bytes, so the length of a row shows at most how many blocks it fills, not how long
 * its comments are.
 */
public final class DraftCipher implements DraftCodec {

    static final int BLOCK = 16 * 1024;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;
    private static final String DRAFT = "draft";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private DraftCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher for a base64 key of 32 random bytes (e.g. {@code openssl rand -base64 32}). */
    public static DraftCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("a draft key is required: 32 random bytes in base64 (openssl rand -base64 32)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the draft key is not base64", e);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("the draft key must be " + KEY_BYTES + " bytes, not " + raw.length);
        }
        return new DraftCipher(raw);
    }

    @Override
    public Object encode(DraftOwner owner, String state) {
        return encrypt(DRAFT, owner, state);
    }

    @Override
    public String decode(DraftOwner owner, ResultSet row, String column) throws SQLException {
        return decrypt(DRAFT, owner, row.getBytes(column));
    }

    /** Format byte, nonce, then the padded text encrypted with its tag. */
    byte[] encrypt(String purpose, DraftOwner owner, String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        int padded = (Integer.BYTES + plain.length + BLOCK - 1) / BLOCK * BLOCK;
        ByteBuffer body = ByteBuffer.allocate(padded).putInt(plain.length).put(plain);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, owner));
            byte[] sealed = cipher.doFinal(body.array());
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String decrypt(String purpose, DraftOwner owner, byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT) {
            throw new StorageException("unreadable encrypted draft", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose, owner));
            ByteBuffer body = ByteBuffer.wrap(cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES));
            byte[] plain = new byte[body.getInt()];
            body.get(plain);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StorageException("an encrypted draft does not decrypt: is DRAFT_KEY the key it was written with?", e);
        }
    }

    private static byte[] associatedData(String purpose, DraftOwner owner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(purpose);
            out.writeUTF(owner.org().value());
            out.writeInt(owner.measurement());
            out.writeUTF(owner.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
