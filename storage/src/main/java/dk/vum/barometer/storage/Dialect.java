package dk.vum.barometer.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a {@link JdbcStorage} runs on. The stores' SQL itself is
 * portable (SQLite and PostgreSQL share {@code INSERT ... ON CONFLICT} and {@code RETURNING}).
 */
public interface Dialect {

    /** Flyway location of this database's migrations. */
    String migrations();

    /**
     * True when the database allows one writer at a time: writes then queue in the JVM instead of
     * competing for the file lock.
     */
    boolean singleWriter();

    /**
     * Makes rows deleted by committed transactions unrecoverable from the database files (drafts
     * after a submission). Runs outside a transaction while no other write runs.
     */
    void scrubDeleted(Connection connection) throws SQLException;
}
