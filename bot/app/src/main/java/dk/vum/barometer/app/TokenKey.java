package dk.vum.barometer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The key that seals Slack installations' bot tokens in the database (AES-256-GCM): {@code DRAFT_KEY} when set
 * (32 bytes in base64, the same on every instance; required with PostgreSQL), else the key file
 * {@code DATA_DIR/token.key}, made on first use and readable by the bot's user only. A copy of the database
 * alone gives no token. (When the SQLite key file of the anonymity work lands, point this at it.)
 */
final class TokenKey implements Supplier<byte[]> {

    static final String FILE = "token.key";
    private static final int BYTES = 32;

    private final Map<String, String> env;
    private final Path dataDir;

    TokenKey(Map<String, String> env, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
    }

    @Override
    public byte[] get() {
        String configured = env.get("DRAFT_KEY");
        if (configured != null && !configured.isBlank()) return decode(configured, "DRAFT_KEY");
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) create(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the token key file " + file + " cannot be read or made", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another instance on the same folder made it first
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
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
