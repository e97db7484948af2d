package dk.vum.barometer.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.storage.AnonymityAtRest;
import dk.vum.barometer.storage.DraftCipher;
import dk.vum.barometer.storage.JdbcStorage;

import java.time.Clock;

/**
 * The store for deployments with several bot instances: one PostgreSQL database shared by all of them.
 * Connections run READ COMMITTED (the stores' row and advisory locks are written for it) and never with
 * {@code synchronous_commit = off}, so an acknowledged write is on disk. An event's unit of work holds one
 * connection until it commits, so the pool bounds the events an instance handles at once.
 *
 * <p>PostgreSQL keeps dead row versions and the transaction that wrote each row, so the store keeps
 * drafts and sealed submissions encrypted with a key from configuration and mixes submissions into
 * responses in batches ({@link AnonymityAtRest#sealedAndMixed}); it refuses to start without the key.
 */
public final class PostgresStorage extends JdbcStorage {

    private static final int POOL_SIZE = 10;
    /** Run on every new connection; public so the benchmark's raw commit floor follows the same rule. */
    public static final String DURABLE_COMMITS =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    /** Holds no state: one serves the stores and the mixer. */
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private PostgresStorage(HikariDataSource dataSource, DraftCipher cipher, Clock clock) {
        super(dataSource, DIALECT, AnonymityAtRest.sealedAndMixed(cipher, DIALECT), clock);
    }

    /**
     * Connects (user and password may be null when the URL carries them), migrates the schema and returns
     * the store. {@code draftKey} is 32 random bytes in base64, the same for every instance.
     */
    public static PostgresStorage open(String jdbcUrl, String user, String password, String draftKey) {
        return open(jdbcUrl, user, password, draftKey, Clock.systemUTC());
    }

    /** As {@link #open(String, String, String, String)}; {@code clock} stamps housekeeping times. */
    public static PostgresStorage open(String jdbcUrl, String user, String password, String draftKey, Clock clock) {
        DraftCipher cipher;
        try {
            cipher = DraftCipher.fromBase64(draftKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PostgreSQL needs DRAFT_KEY to keep drafts unreadable at rest: " + e.getMessage(), e);
        }
        return new PostgresStorage(new HikariDataSource(poolConfig(jdbcUrl, user, password)), cipher, clock);
    }

    static HikariConfig poolConfig(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL URL starts with jdbc:postgresql:");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("barometer-postgres");
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) config.setUsername(user);
        if (password != null && !password.isEmpty()) config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionInitSql(DURABLE_COMMITS);
        return config;
    }
}
