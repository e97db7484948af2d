package dk.vum.barometer.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Units on a database whose writers run side by side (PostgreSQL). A unit is one transaction on one pooled
 * connection, bound to the unit's thread and taken at its first statement (a unit still waiting for the
 * core's per-user lock holds none). All the unit's reads and writes run on it, seeing its own writes; it
 * commits when the work returns and rolls back when the work throws. After a database failure the database
 * has aborted the transaction: the unit's later statements fail at once, and it rolls back even if its work
 * caught the failure. The row and named locks its stores take are held until it ends.
 *
 * <p>A unit that lost a deadlock or a serialization conflict (SQLSTATE 40P01, 40001) has rolled back all it
 * did, so it runs again from the start, a few times at most: its work must touch nothing but the stores
 * before it returns (so the core's event handling does; see {@code UnitOfWork}).
 */
final class ConcurrentWriters implements Units {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWriters.class);
    private static final int ATTEMPTS = 4;
    private static final Set<String> CONFLICTS = Set.of("40001", "40P01");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    ConcurrentWriters(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public boolean inUnit() {
        return current.get() != null;
    }

    @Override
    public <T> T joined(SqlWork<T> work) {
        return current.get().joined(work);
    }

    @Override
    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            Unit unit = new Unit();
            T result;
            try {
                result = unit.run(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !unit.conflicted()) throw e;
                LOG.info("a unit of work rolled back on SQLSTATE {} and runs again ({} of {})",
                        unit.failure.getSQLState(), attempt + 1, ATTEMPTS);
                pause(attempt, e);
                continue;
            }
            unit.afterCommit.forEach(Runnable::run);
            return result;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) action.run();
        else unit.afterCommit.add(action);
    }

    /** Nothing to do on PostgreSQL today; on a fresh connection, as the unit's is gone once it committed. */
    @Override
    public void scrubDeleted() {
        afterCommit(() -> {
            try (Connection c = dataSource.getConnection()) {
                dialect.scrubDeleted(c);
            } catch (SQLException | StorageException e) {
                LOG.warn("could not scrub deleted rows; the next scrub retries", e);
            }
        });
    }

    @Override
    public void release() {
        // units give their connections back when they end
    }

    /** Spreads the runs again of units that collided, so that they do not collide the same way again. */
    private static void pause(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** One attempt at a unit: its connection, its first database failure and what waits for its commit. */
    private final class Unit {

        private Connection connection;
        private SQLException failure;
        private final List<Runnable> afterCommit = new ArrayList<>();

        <T> T run(Supplier<T> work) {
            current.set(this);
            boolean done = false;
            try {
                T result = work.get();
                if (failure != null) throw new StorageException("database work failed", failure);
                commit();
                done = true;
                return result;
            } finally {
                current.remove();
                // whatever the work threw, an Error too: the connection given back with auto-commit would commit it
                if (!done) rollback();
                close();
            }
        }

        <T> T joined(SqlWork<T> work) {
            if (failure != null) throw new StorageException("an earlier statement of the unit failed", failure);
            try {
                return work.run(connection());
            } catch (SQLException e) {
                failure = e;
                throw new StorageException("database work failed", e);
            }
        }

        boolean conflicted() {
            return failure != null && conflict(failure);
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            }
            return connection;
        }

        private void commit() {
            if (connection == null) return;
            try {
                connection.commit();
            } catch (SQLException e) {
                failure = e;
                throw new StorageException("database commit failed", e);
            }
        }

        private void rollback() {
            if (connection == null) return;
            try {
                connection.rollback();
            } catch (SQLException e) {
                LOG.debug("rolling back a failed unit", e);
                discard();
            }
        }

        /** A connection whose transaction may still be open: switching auto-commit back on would commit it. */
        private void discard() {
            Connection broken = connection;
            connection = null;
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(broken);
                return;
            }
            try {
                broken.close();
            } catch (SQLException e) {
                LOG.debug("closing a unit's connection after a failed rollback", e);
            }
        }

        private void close() {
            if (connection == null) return;
            try (Connection c = connection) {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("giving back a unit's connection", e);
            }
        }
    }

    private static boolean conflict(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            for (Throwable t = s; t != null; t = t.getCause()) {
                if (t instanceof SQLException q && CONFLICTS.contains(q.getSQLState())) return true;
            }
        }
        return false;
    }
}
