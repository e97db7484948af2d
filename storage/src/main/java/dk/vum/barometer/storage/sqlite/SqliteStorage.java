package dk.vum.barometer.storage.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.storage.AnonymityAtRest;
import dk.vum.barometer.storage.DraftCipher;
import dk.vum.barometer.storage.JdbcStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dk.vum.barometer.storage.StorageException;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded store: one SQLite file, {@value #FILE_NAME}, in a data folder.
 * Every connection runs in WAL mode with {@code synchronous=FULL} (an acknowledged write is on disk),
 * foreign keys on, {@code secure_delete} on (deleted rows are zeroed) and a busy timeout;
 * transactions begin IMMEDIATE, so a write never fails half-way for want of the lock. Tests may lower the
 * {@link Durability}; a warning in the log says so.
 *
 * <p>Anonymity at rest as on every store ({@link AnonymityAtRest}): drafts and sealed submissions are
 * encrypted with a key that is not in the database files, by default in {@value #KEY_FILE_NAME} beside
 * them (or one given, e.g. {@code DRAFT_KEY}); submissions are mixed into responses in batches, and the
 * anonymous tables rewritten after each mix.
 */
public final class SqliteStorage extends JdbcStorage {

    public static final String FILE_NAME = "barometer.db";
    public static final String KEY_FILE_NAME = "barometer.key";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStorage.class);
    private static final AtomicBoolean WARNED_NOT_DURABLE = new AtomicBoolean();
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_SIZE = 4;
    private static final SqliteDialect DIALECT = new SqliteDialect();

    private SqliteStorage(HikariDataSource dataSource, DraftCipher cipher, Clock clock) {
        super(dataSource, DIALECT, AnonymityAtRest.sealedAndMixed(cipher, DIALECT), clock);
    }

    /** Opens (creating if needed) the data folder, its database and key file, and migrates the schema. */
    public static SqliteStorage open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} stamps housekeeping times (sent messages, deliveries). */
    public static SqliteStorage open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Durability.configured());
    }

    /** As {@link #open(Path, Clock)} with the given durability, whatever the system property says. */
    public static SqliteStorage open(Path dataDir, Clock clock, Durability durability) {
        return open(dataDir, null, dataDir.resolve(KEY_FILE_NAME), clock, durability);
    }

    /**
     * As {@link #open(Path)}, with the draft key {@code draftKey} (base64 of 32 random bytes) or, when it is
     * null or blank, the key in {@code keyFile}, created on first start.
     */
    public static SqliteStorage open(Path dataDir, String draftKey, Path keyFile, Clock clock) {
        return open(dataDir, draftKey, keyFile, clock, Durability.configured());
    }

    /** As {@link #open(Path, String, Path, Clock)} with the given durability. */
    public static SqliteStorage open(Path dataDir, String draftKey, Path keyFile, Clock clock, Durability durability) {
        if (durability != Durability.FULL && !WARNED_NOT_DURABLE.getAndSet(true)) {
            LOG.warn("SQLite runs with synchronous={}: acknowledged writes may be lost in a crash (never for real data)", durability);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        String key = draftKey != null && !draftKey.isBlank() ? draftKey
                : KeyFile.load(keyFile, holdsEncryptedData(dataDir));
        DraftCipher cipher;
        try {
            cipher = DraftCipher.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SQLite store's draft key (DRAFT_KEY or " + keyFile + "): " + e.getMessage(), e);
        }
        return new SqliteStorage(new HikariDataSource(poolConfig(dataDir, durability)), cipher, clock);
    }

    /** True when the database exists and keeps drafts or sealed submissions written with some key. */
    private static boolean holdsEncryptedData(Path dataDir) {
        if (!Files.exists(dataDir.resolve(FILE_NAME))) return false;
        try (Connection c = DriverManager.getConnection(jdbcUrl(dataDir)); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sealed_submissions'")) {
            if (!tables.next() || tables.getInt(1) == 0) return false; // before V3 nothing was encrypted
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM sealed_submissions) "
                    + "OR EXISTS (SELECT 1 FROM drafts WHERE typeof(state) = 'blob')")) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read " + dataDir.resolve(FILE_NAME), e);
        }
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
