package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.storage.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite: one writer at a time, so no row or named lock is needed; deleted rows are zeroed in the main
 * file by {@code secure_delete}, but their older page images live on in the WAL until a checkpoint
 * truncates it.
 */
final class SqliteDialect implements Dialect {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDialect.class);

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public boolean singleWriter() {
        return true;
    }

    /**
     * Copies the WAL into the main file and truncates it. It waits (busy_timeout) for readers on
     * older snapshots; if one still blocks it, the next checkpoint finishes the job.
     */
    @Override
    public void scrubDeleted(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.warn("WAL checkpoint blocked by a reader; deleted rows stay in the WAL until the next checkpoint");
            }
        }
    }

    @Override
    public boolean erasesDeletedRows() {
        return true;
    }

    @Override
    public String rowLocks(String clause) {
        return "";
    }

    @Override
    public void lock(Connection connection, String name) {
        // every write transaction already holds the database's one write lock
    }

    @Override
    public boolean tryLock(Connection connection, String name) {
        return true;
    }
}
