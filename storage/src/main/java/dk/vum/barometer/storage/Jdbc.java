package dk.vum.barometer.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs units of work on pooled connections. A read runs in auto-commit; a write is one transaction
 * that does all its work or none. On a single-writer database, writes take turns on a fair lock
 * (taken before a connection, so a waiting writer never holds one).
 */
public final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ReentrantLock writeLock;

    public Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writeLock = dialect.singleWriter() ? new ReentrantLock(true) : null;
    }

    public Dialect dialect() {
        return dialect;
    }

    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        }
    }

    public <T> T write(SqlWork<T> work) {
        return exclusively(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * See {@link Dialect#scrubDeleted}. Runs after the deleting transaction has committed, so a failure
     * must not turn an acknowledged write into an error: it is logged, and the next scrub catches up.
     */
    public void scrubDeleted() {
        try {
            exclusively(c -> {
                dialect.scrubDeleted(c);
                return null;
            });
        } catch (StorageException e) {
            LOG.warn("could not scrub deleted rows; the next scrub retries", e);
        }
    }

    private <T> T exclusively(SqlWork<T> work) {
        if (writeLock != null) writeLock.lock();
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database write failed", e);
        } finally {
            if (writeLock != null) writeLock.unlock();
        }
    }
}
