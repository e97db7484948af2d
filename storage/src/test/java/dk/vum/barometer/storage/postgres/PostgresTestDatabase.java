package dk.vum.barometer.storage.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth; override
 * with the environment variable BAROMETER_TEST_POSTGRES, a server URL ending in '/'), created for one test
 * class and dropped after it, with a fresh schema per store, so that runs never see each other.
 * Register it as a static {@code @RegisterExtension} field. Shared with other modules' tests (test-jar).
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "postgres";
    private static final String SERVER = System.getenv().getOrDefault("BAROMETER_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String MAINTENANCE_DB = "test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name = "barometer_test_" + randomHex();

    /** Creates the database; fails with a message that says what to start when PostgreSQL is not there. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (nested(context)) return;
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + SERVER + MAINTENANCE_DB + " as user " + USER
                    + ": the PostgreSQL store's tests need it. Start it with "
                    + "'bash .ci/start-postgres.sh' (.ci/run does: it installs, configures and starts one when needed).", e);
        }
    }

    /** A new empty schema in this database: the URL of a connection that works in it. */
    public String newSchema() throws SQLException {
        String schema = "s_" + randomHex();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url() + "?currentSchema=" + schema;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, null);
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, null);
    }

    /** A fresh random draft key, as an operator would make one. */
    public static String newDraftKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (nested(context)) return;
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** A {@code @Nested} class's context: the database is its enclosing class's, made and dropped there. */
    private static boolean nested(ExtensionContext context) {
        return context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
    }

    private static Connection maintenance() throws SQLException {
        return DriverManager.getConnection(SERVER + MAINTENANCE_DB, USER, null);
    }

    private static String randomHex() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
