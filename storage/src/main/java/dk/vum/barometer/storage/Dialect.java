package dk.vum.barometer.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a {@link JdbcStorage} runs on. The stores' SQL itself is
 * portable (SQLite and PostgreSQL share {@code INSERT ... ON CONFLICT} and {@code RETURNING}); what a
 * single writer gets for free, a database with concurrent writers gets from row locks and named locks.
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

    /**
     * True when {@link #scrubDeleted} leaves nothing of a deleted row behind (SQLite's {@code secure_delete}
     * and a truncated WAL): then rewriting a measurement's anonymous rows in a fresh random order after a mix
     * erases where each batch was written. Where dead row versions stay (PostgreSQL), a rewrite would keep
     * both layouts and tell the new rows apart from the old, so it is not done.
     */
    boolean erasesDeletedRows();

    /**
     * The row-locking clause to append to a SELECT in a write transaction (e.g. {@code FOR UPDATE SKIP
     * LOCKED}), or nothing where the single writer already keeps every other writer out.
     */
    String rowLocks(String clause);

    /** Holds the lock called {@code name} until the transaction ends, waiting for it if another holds it. */
    void lock(Connection connection, String name) throws SQLException;

    /** As {@link #lock}, but returns false at once if another transaction holds it. */
    boolean tryLock(Connection connection, String name) throws SQLException;
}
