package dk.vum.barometer.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit on a database with one writer (SQLite). Every write unit runs, in turn, on the one write
 * connection inside the transaction that is open there, behind a savepoint of its own (a unit that fails
 * rolls back only itself). Then it waits until that transaction is committed: the first unit to wait
 * commits for every unit that ran since the last commit, so concurrent clicks share one fsync, and none
 * returns before its batch is on disk. A failed commit fails every unit of its batch. A database failure
 * inside a unit rolls the unit back even where its work caught the failure.
 *
 * <p>Transactions are begun and ended with SQL, not JDBC's auto-commit switch: sqlite-jdbc's
 * {@code commit()} begins the next transaction at once, which would hold the write lock between batches.
 */
final class SingleWriter implements Units {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWriter.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    /** Turns on the write connection, fair so that queued units join the batch before it is committed. */
    private final ReentrantLock turn = new ReentrantLock(true);

    // guarded by turn
    private Connection connection;
    private boolean open;
    private long batch;
    private boolean scrubWanted;
    /** Of the unit running now: its first database failure, and what waits for its commit. */
    private SQLException unitFailure;
    private List<Runnable> unitAfterCommit = new ArrayList<>();

    // guarded by this
    private long durable;
    private boolean committing;
    private final Map<Long, StorageException> failedBatches = new HashMap<>();

    SingleWriter(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public <T> T run(Supplier<T> work) {
        return run(c -> work.get());
    }

    /** Runs the unit and returns once it is durable. */
    private <T> T run(SqlWork<T> work) {
        long mine;
        T result = null;
        Throwable failure = null;
        List<Runnable> committed = List.of();
        turn.lock();
        try {
            Connection c = connection();
            if (!open) {
                execute(c, "BEGIN IMMEDIATE");
                open = true;
                batch++;
            }
            mine = batch;
            execute(c, "SAVEPOINT unit");
            unitFailure = null;
            unitAfterCommit = new ArrayList<>();
            try {
                result = work.run(c);
                if (unitFailure != null) throw new StorageException("database work failed", unitFailure);
                execute(c, "RELEASE unit");
                committed = unitAfterCommit;
            } catch (SQLException | RuntimeException | Error e) {
                // an Error too: left in the open transaction, its writes would be committed with the batch
                failure = e instanceof SQLException ? new StorageException("database write failed", e) : e;
                execute(c, "ROLLBACK TO unit");
                execute(c, "RELEASE unit");
            }
        } catch (SQLException e) {
            StorageException failed = new StorageException("database write failed", e);
            if (failure != null) failed.addSuppressed(failure); // what the work threw before the rollback failed too
            discardConnection(failed);
            throw failed;
        } finally {
            turn.unlock();
        }
        // A failed unit still sees its batch committed: it may be the only one that would.
        awaitDurable(mine);
        if (failure instanceof Error e) throw e;
        if (failure != null) throw (RuntimeException) failure;
        committed.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@link Dialect#scrubDeleted} after the transaction open now is committed, or at once when none
     * is open. Called inside a unit, the unit's own batch is scrubbed before any of its units returns.
     */
    @Override
    public void scrubDeleted() {
        turn.lock();
        try {
            if (open) {
                scrubWanted = true;
            } else {
                scrub(connection());
            }
        } catch (SQLException e) {
            LOG.warn("could not scrub deleted rows; the next scrub retries", e);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public boolean inUnit() {
        return turn.isHeldByCurrentThread();
    }

    @Override
    public <T> T joined(SqlWork<T> work) {
        if (unitFailure != null) throw new StorageException("an earlier statement of the unit failed", unitFailure);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            unitFailure = e;
            throw new StorageException("database work failed", e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        if (inUnit()) unitAfterCommit.add(action);
        else action.run();
    }

    /** Hands the write connection back to the pool; a unit after this takes a new one. */
    @Override
    public void release() {
        turn.lock();
        try {
            if (connection != null && !open) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            LOG.debug("closing the write connection", e);
            connection = null;
        } finally {
            turn.unlock();
        }
    }

    private void awaitDurable(long mine) {
        synchronized (this) {
            while (durable < mine && committing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("interrupted while waiting for the commit", null);
                }
            }
            if (durable >= mine) {
                StorageException failed = failedBatches.get(mine);
                if (failed != null) throw failed;
                return;
            }
            committing = true;
        }
        long committed;
        StorageException failed = null;
        turn.lock();
        try {
            committed = batch;
            if (open) {
                try {
                    execute(connection, "COMMIT");
                } catch (SQLException e) {
                    failed = new StorageException("database commit failed", e);
                    discardConnection(failed);
                }
                open = false;
                if (failed == null && scrubWanted) scrub(connection);
            }
        } catch (SQLException e) {
            LOG.warn("could not scrub deleted rows; the next scrub retries", e);
            committed = batch;
        } finally {
            turn.unlock();
        }
        synchronized (this) {
            if (failed != null) {
                for (long b = durable + 1; b <= committed; b++) failedBatches.put(b, failed);
            }
            failedBatches.keySet().removeIf(b -> b < mine - 1_000);
            durable = committed;
            committing = false;
            notifyAll();
        }
        if (failed != null) throw failed;
    }

    private void scrub(Connection c) throws SQLException {
        scrubWanted = false;
        dialect.scrubDeleted(c);
    }

    private Connection connection() throws SQLException {
        if (connection == null) connection = StatementCache.wrap(dataSource.getConnection());
        return connection;
    }

    /**
     * After a failure the connection's state is unknown: roll back what may be open, failing the units of
     * its batch that wait for it, and take a fresh connection next time.
     */
    private void discardConnection(StorageException cause) {
        if (connection == null) return;
        if (open) {
            synchronized (this) {
                failedBatches.put(batch, cause);
            }
        }
        try (Connection broken = connection) {
            if (open) execute(broken, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rolling back a failed connection", e);
        }
        connection = null;
        open = false;
        scrubWanted = false;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}
