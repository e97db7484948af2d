package dk.vum.barometer.bench;

import dk.vum.barometer.storage.postgres.PostgresStorage;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * What the database gives, measured in the same run with the same driver as the server: durable commits per
 * second with one row per transaction and with {@value #BATCH} rows sharing one. On SQLite a scratch file of
 * the data's disk, WAL and {@code synchronous=FULL}; on PostgreSQL a scratch table in the benchmark's
 * database, {@code synchronous_commit} as the server's store has it. The server's answers/s is read against it.
 */
final class RawCommits {

    /** Commits per second with one row each, and rows per second when {@value #BATCH} share a commit. */
    record Rates(double singleRowCommitsPerSecond, double batchedRowsPerSecond) {
    }

    static final int BATCH = 32;

    private RawCommits() {
    }

    static Rates sqlite(Path dir, Duration each) {
        Path file = dir.resolve("raw-commits.db");
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties())) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE raw_commits (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
                }
                return measure(c, each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure raw SQLite commits", e);
        } finally {
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(Path.of(file + suffix));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * On PostgreSQL, with the store's rule for {@code synchronous_commit} (off is turned on, so a commit waits
     * for the disk); the scratch table is dropped afterwards.
     */
    static Rates postgres(String jdbcUrl, Duration each) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute(PostgresStorage.DURABLE_COMMITS);
                s.execute("CREATE TABLE raw_commits (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
            }
            try {
                return measure(c, each);
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE raw_commits");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure raw PostgreSQL commits", e);
        }
    }

    private static Rates measure(Connection c, Duration each) throws SQLException {
        c.setAutoCommit(false);
        double single = rowsPerSecond(c, 1, each);
        double batched = rowsPerSecond(c, BATCH, each);
        return new Rates(single, batched);
    }

    private static double rowsPerSecond(Connection c, int rowsPerCommit, Duration duration) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        long until = started + duration.toNanos();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw_commits (payload) VALUES (?)")) {
            while (System.nanoTime() < until) {
                for (int i = 0; i < rowsPerCommit; i++) {
                    insert.setString(1, "an answer of about this length " + rows);
                    insert.executeUpdate();
                    rows++;
                }
                c.commit();
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }
}
