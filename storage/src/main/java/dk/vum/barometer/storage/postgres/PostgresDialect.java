package dk.vum.barometer.storage.postgres;

import dk.vum.barometer.storage.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL: writers run side by side, so the stores take row locks and named locks (transaction-scoped
 * advisory locks, in a key space of their own). Nothing can scrub dead row versions from SQL; what is
 * linked to a person is encrypted instead (see {@link PostgresStorage}).
 */
final class PostgresDialect implements Dialect {

    /** The first key of the two-key advisory locks: keeps them apart from other users of advisory locks. */
    private static final int LOCK_SPACE = 0x56554d42;

    @Override
    public String migrations() {
        return "classpath:db/migration/postgres";
    }

    @Override
    public boolean singleWriter() {
        return false;
    }

    @Override
    public void scrubDeleted(Connection connection) {
        // dead row versions stay until VACUUM frees their space; they hold only ciphertext
    }

    @Override
    public boolean erasesDeletedRows() {
        return false;
    }

    @Override
    public String rowLocks(String clause) {
        return " " + clause;
    }

    @Override
    public void lock(Connection connection, String name) throws SQLException {
        advisory(connection, "SELECT pg_advisory_xact_lock(?, hashtext(?)) IS NOT NULL", name);
    }

    @Override
    public boolean tryLock(Connection connection, String name) throws SQLException {
        return advisory(connection, "SELECT pg_try_advisory_xact_lock(?, hashtext(?))", name);
    }

    /** Runs a one-value advisory lock query; {@code pg_advisory_xact_lock} only returns once it holds the lock. */
    private static boolean advisory(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
