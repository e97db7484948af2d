package dk.vum.barometer.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs units of work on pooled connections. A read runs in auto-commit; a write is one transaction
 * that does all its work or none. On a single-writer database every write goes through the
 * {@link SingleWriter} (group commit), and a {@link #unit} gathers a whole event's reads and writes into
 * one of its transactions; elsewhere each write is a transaction of its own.
 */
public final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final SingleWriter writer;

    public Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writer = dialect.singleWriter() ? new SingleWriter(dataSource, dialect) : null;
    }

    public Dialect dialect() {
        return dialect;
    }

    public <T> T read(SqlWork<T> work) {
        if (inUnit()) return writer.joined(work);
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        }
    }

    public <T> T write(SqlWork<T> work) {
        if (writer != null) return writer.inUnit() ? writer.joined(work) : writer.run(work);
        try (Connection c = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new StorageException("database write failed", e);
        }
    }

    /**
     * Runs {@code work} as one unit (see {@code UnitOfWork}): on a single-writer database its reads and
     * writes share one transaction, committed with those of concurrent units; elsewhere each write
     * stays a transaction of its own, as the stores' row and named locks are written for.
     */
    public <T> T unit(Supplier<T> work) {
        if (writer == null || writer.inUnit()) return work.get();
        return writer.run(c -> work.get());
    }

    /**
     * See {@link Dialect#scrubDeleted}. Runs after the deleting transaction has committed, so a failure
     * must not turn an acknowledged write into an error: it is logged, and the next scrub catches up.
     */
    public void scrubDeleted() {
        if (writer != null) {
            writer.scrubDeleted();
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            dialect.scrubDeleted(c);
        } catch (SQLException | StorageException e) {
            LOG.warn("could not scrub deleted rows; the next scrub retries", e);
        }
    }

    /** Before the pool closes: the single writer gives its connection back. */
    public void release() {
        if (writer != null) writer.release();
    }

    private boolean inUnit() {
        return writer != null && writer.inUnit();
    }
}
