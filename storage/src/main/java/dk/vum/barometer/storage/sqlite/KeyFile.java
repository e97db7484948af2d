package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.storage.DraftCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The draft key of an SQLite store, in a file of its own beside (never inside) the database files: created
 * with a fresh random key on first start, readable by the bot's user only (0600). Whoever copies the
 * database files without it reads no draft and no sealed submission.
 */
final class KeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {
    }

    /**
     * The key in {@code file}; when the file does not exist, a new key written to it, unless
     * {@code encryptedDataExists} (then a new key would leave that data unreadable: refused).
     */
    static String load(Path file, boolean encryptedDataExists) {
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (encryptedDataExists) {
                throw new IllegalStateException("the key file " + file + " is missing, but the database holds drafts or "
                        + "submissions encrypted with it: restore it from its backup (or set DRAFT_KEY to the key)");
            }
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            String key = DraftCipher.newKey();
            // Written aside and moved into place, so no one ever reads a half-written key file.
            Path fresh;
            try {
                fresh = Files.createTempFile(folder, ".key", ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                fresh = Files.createTempFile(folder, ".key", ".new"); // not POSIX: the folder's permissions protect it
            }
            Files.writeString(fresh, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, fresh); // fails, rather than replaces, when another process came first
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            } finally {
                Files.delete(fresh);
            }
            LOG.info("Created the draft key file {}: back it up apart from the database files", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
