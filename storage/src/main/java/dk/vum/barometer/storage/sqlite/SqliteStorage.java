package dk.vum.barometer.storage.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.storage.AnonymityAtRest;
import dk.vum.barometer.storage.JdbcStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded store: one SQLite file, {@value #FILE_NAME}, in a data folder.
 * Every connection runs in WAL mode with {@code synchronous=FULL} (an acknowledged write is on disk),
 * foreign keys on, {@code secure_delete} on (deleted rows are zeroed) and a busy timeout;
 * transactions begin IMMEDIATE, so a write never fails half-way for want of the lock. Tests may lower the
 * {@link Durability}; a warning in the log says so.
 */
public final class SqliteStorage extends JdbcStorage {

    public static final String FILE_NAME = "barometer.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStorage.class);
    private static final AtomicBoolean WARNED_NOT_DURABLE = new AtomicBoolean();
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_SIZE = 4;

    private SqliteStorage(HikariDataSource dataSource, Clock clock) {
        super(dataSource, new SqliteDialect(), AnonymityAtRest.immediate(), clock);
    }

    /** Opens (creating if needed) the data folder and its database, and migrates the schema. */
    public static SqliteStorage open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} stamps housekeeping times (sent messages, deliveries). */
    public static SqliteStorage open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Durability.configured());
    }

    /** As {@link #open(Path, Clock)} with the given durability, whatever the system property says. */
    public static SqliteStorage open(Path dataDir, Clock clock, Durability durability) {
        if (durability != Durability.FULL && !WARNED_NOT_DURABLE.getAndSet(true)) {
            LOG.warn("SQLite runs with synchronous={}: acknowledged writes may be lost in a crash (tests only)", durability);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        return new SqliteStorage(new HikariDataSource(poolConfig(dataDir, durability)), clock);
    }

    static String jdbcUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    /** The pool, with the pragmas every connection is opened with. */
    static HikariConfig poolConfig(Path dataDir, Durability durability) {
        SQLiteConfig pragmas = new SQLiteConfig();
        pragmas.setJournalMode(SQLiteConfig.JournalMode.WAL);
        pragmas.setSynchronous(durability.synchronous);
        pragmas.enforceForeignKeys(true);
        pragmas.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        pragmas.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        pragmas.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

        HikariConfig config = new HikariConfig();
        config.setPoolName("barometer-sqlite");
        config.setDriverClassName("org.sqlite.JDBC");
        config.setJdbcUrl(jdbcUrl(dataDir));
        config.setDataSourceProperties(pragmas.toProperties());
        config.setMaximumPoolSize(POOL_SIZE);
        return config;
    }
}
