package dk.vum.barometer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The key that seals Slack installations' bot tokens in the database (AES-256-GCM): the store's own key,
 * never kept in the database – {@code DRAFT_KEY} when set (required with PostgreSQL), else SQLite's key file
 * ({@code KEY_FILE}, by default {@code DATA_DIR/barometer.key}), which the store makes on first start. Asked
 * for after the store opened.
 */
final class TokenKey implements Supplier<byte[]> {

    private static final int BYTES = 32;

    private final String draftKey;
    private final Path keyFile;

    TokenKey(String draftKey, Path keyFile) {
        this.draftKey = draftKey;
        this.keyFile = keyFile;
    }

    @Override
    public byte[] get() {
        if (draftKey != null && !draftKey.isBlank()) return decode(draftKey, "DRAFT_KEY");
        Path file = keyFile;
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be read; Slack's tokens are sealed with it", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64", e);
        }
        if (key.length != BYTES) throw new IllegalArgumentException(source + " must hold " + BYTES + " bytes, not " + key.length);
        return key;
    }
}
