package dk.vum.barometer.bench;

import dk.vum.barometer.app.DemoSeed;
import dk.vum.barometer.storage.sqlite.Durability;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server's data folder, seen from the benchmark: users are seeded through the store before the
 * server starts (the web chat plays only the demo organisation, which has 16 users), and after the run
 * the file is read back to see that everything acknowledged is there.
 */
final class DataFolder {

    private final Path dir;

    DataFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The demo organisation and its users, plus the benchmark's respondents as users of it. */
    void seed(List<Respondent> respondents) {
        try (SqliteStorage store = SqliteStorage.open(dir, Clock.systemUTC(), Durability.OFF)) {
            DemoSeed.seed(store, store.teams());
            for (Respondent r : respondents) store.upsertUser(DemoSeed.ORG, r.userId(), r.displayName());
        }
    }

    /**
     * What the file holds for the measurement. Submissions are sealed and mixed into responses in batches,
     * so the count is taken on a copy of the folder (database, WAL and key file) where the measurement is
     * closed, which mixes every sealed submission; the folder itself stays as the SIGKILL left it.
     */
    Stored stored(int measurement) {
        Path copy = dir.resolveSibling(dir.getFileName() + "-counted");
        try {
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + dir, e);
        }
        try (SqliteStorage store = SqliteStorage.open(copy, Clock.systemUTC(), Durability.OFF)) {
            return Stored.countClosing(store, DemoSeed.ORG, measurement);
        }
    }

    /** Waits until the outbox has delivered the invitations, reading the file read-only beside the running server. */
    Dispatch awaitDispatch(Duration limit) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        String url = "jdbc:sqlite:" + dir.resolve(SqliteStorage.FILE_NAME).toAbsolutePath();
        return Dispatch.await(() -> DriverManager.getConnection(url, config.toProperties()), DemoSeed.ORG, limit);
    }

    /** The database file with its WAL, in bytes. */
    long bytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(SqliteStorage.FILE_NAME))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
