package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.store.DraftTooLargeException;

import javax.crypto.Cipher;
import javax.crypto.Mac;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AES-256-GCM for what is linked to a person: every version of a draft, and a sealed submission until it
 * is mixed, is only ciphertext in the database files. The key is never in the database (configuration,
 * or a key file of its own). Every write draws a fresh random nonce; the associated data binds a
 * ciphertext to its purpose and owner (organisation, measurement, user), so a value copied into another
 * row does not decrypt. Every text is compressed, then padded to one fixed size, {@value #SIZE} bytes, so
 * no row's length says how many answers or how long comments it holds; a draft whose compressed text
 * does not fit (with room for a submission's own fields) is refused with {@link DraftTooLargeException}.
 * Compression keeps the padded size small, which every click writes and encrypts: all nine themes'
 * comments at their longest, as Danish prose, take about 7 KiB compressed.
 *
 * <p>A draft's version (how many times it was saved) is inside its ciphertext; the column the
 * compare-and-set runs on holds only {@link #versionTag a keyed hash} of it, so nothing in the clear
 * counts a person's clicks. Delivery ids are kept as {@link #deliveryHash keyed hashes} too.
 */
public final class DraftCipher {

    /** The one size every encrypted text is padded to (a transcript message: whole multiples of it). */
    static final int SIZE = 16 * 1024;
    /** What a draft's compressed text may take: the rest of {@link #SIZE} holds a submission's own fields, or the review's statements. */
    static final int DRAFT_LIMIT = SIZE - 4 * 1024;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** 1: padded to 16 KiB blocks, a draft's text is its state alone (read when upgrading old drafts). */
    static final byte FORMAT_BLOCKS = 1;
    /**
     * 3: the text compressed (raw DEFLATE), then padded to {@link #SIZE}; a draft's text is its version, a
     * line break and its state. Format 2 (the same, uncompressed, padded to 48 KiB) is still read.
     */
    private static final byte FORMAT = 3;
    private static final String DRAFT = "draft";
    private static final String TRANSCRIPT = "transcript";

    private final SecretKeySpec key;
    private final SecretKeySpec versionKey;
    private final SecretKeySpec deliveryKey;
    private final SecureRandom random = new SecureRandom();
    private final Compression compression = new Compression();

    private DraftCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.versionKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "barometer draft version"), "HmacSHA256");
        this.deliveryKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "barometer delivery"), "HmacSHA256");
    }

    /** A fresh random key in base64, as a new key file holds it. */
    public static String newKey() {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
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

    /** A draft's state and version, as the bytes for its column; refused when it would not fit {@link #SIZE}. */
    byte[] encodeDraft(DraftOwner owner, String state, long version) {
        byte[] compressed = compression.deflate(utf8(version + "\n" + state), DRAFT_LIMIT);
        if (compressed == null) throw new DraftTooLargeException();
        return seal(DRAFT, owner, compressed, SIZE);
    }

    /** The draft in a column written by {@link #encodeDraft}. */
    Draft decodeDraft(DraftOwner owner, ResultSet row, String column) throws SQLException {
        String text = decrypt(DRAFT, owner, row.getBytes(column));
        int lineBreak = text.indexOf('\n');
        return new Draft(text.substring(lineBreak + 1), Long.parseLong(text.substring(0, lineBreak)));
    }

    /** The text of a draft of format 1, which carried its state alone (its version was in the clear). */
    String decodeOldDraft(DraftOwner owner, byte[] stored) {
        return decrypt(DRAFT, owner, stored);
    }

    /** What the version column holds for a draft's version: a keyed hash, bound to the draft's owner. */
    long versionTag(DraftOwner owner, long version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(versionKey);
            mac.update(associatedData(DRAFT, owner));
            return ByteBuffer.wrap(mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(version).array())).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** What the delivery log keeps of a delivery id: a keyed hash, so no id (which names a person) is kept. */
    String deliveryHash(OrgId org, String deliveryId) {
        return HexFormat.of().formatHex(hmac(deliveryKey, org.value() + "\n" + deliveryId), 0, 20);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * A message of the web chat's transcript: padded to whole multiples of {@link #SIZE} (one, for every
     * questionnaire message), so a question with its choice, the review and the thanks are one size.
     */
    String encodeTranscript(DraftOwner owner, String payload) {
        byte[] plain = utf8(payload);
        int blocks = 1;
        byte[] compressed;
        while ((compressed = compression.deflate(plain, blocks * SIZE - Integer.BYTES)) == null) blocks++;
        return Base64.getEncoder().encodeToString(seal(TRANSCRIPT, owner, compressed, blocks * SIZE));
    }

    /** The message in a value written by {@link #encodeTranscript}. */
    String decodeTranscript(DraftOwner owner, String stored) {
        return decrypt(TRANSCRIPT, owner, Base64.getDecoder().decode(stored));
    }

    /** Format byte, nonce, then the compressed text padded to {@link #SIZE} encrypted with its tag. */
    byte[] encrypt(String purpose, DraftOwner owner, String text) {
        byte[] compressed = compression.deflate(utf8(text), SIZE - Integer.BYTES);
        if (compressed == null) throw new DraftTooLargeException(); // thrown before anything is written
        return seal(purpose, owner, compressed, SIZE);
    }

    private byte[] seal(String purpose, DraftOwner owner, byte[] compressed, int size) {
        ByteBuffer body = ByteBuffer.allocate(size).putInt(compressed.length).put(compressed);
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
        if (stored == null || stored.length < 1 + NONCE_BYTES || stored[0] < FORMAT_BLOCKS || stored[0] > FORMAT) {
            throw new StorageException("unreadable encrypted draft", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose, owner));
            ByteBuffer body = ByteBuffer.wrap(cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES));
            int length = body.getInt();
            byte[] plain = stored[0] == FORMAT
                    ? compression.inflate(body.array(), body.position(), length)
                    : Arrays.copyOfRange(body.array(), body.position(), body.position() + length);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StorageException("an encrypted draft does not decrypt: is DRAFT_KEY (or the key file) the key it was written with?", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
