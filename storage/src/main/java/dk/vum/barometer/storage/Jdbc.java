package dk.vum.barometer.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs units of work on pooled connections. A read outside a unit runs in auto-commit; a write outside a
 * unit is a unit of its own. A {@link #unit} gathers a whole event's reads and writes into one transaction
 * that commits all or nothing: on a single-writer database through the {@link SingleWriter} (group commit),
 * elsewhere on a connection of the unit's own ({@link ConcurrentWriters}).
 */
public final class Jdbc {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Units units;

    public Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.units = dialect.singleWriter() ? new SingleWriter(dataSource, dialect)
                : new ConcurrentWriters(dataSource, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public <T> T read(SqlWork<T> work) {
        if (units.inUnit()) return units.joined(work);
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        }
    }

    public <T> T write(SqlWork<T> work) {
        return units.inUnit() ? units.joined(work) : units.run(() -> units.joined(work));
    }

    /**
     * Runs {@code work} as one unit (see {@code UnitOfWork}): its reads and writes share one transaction, and
     * it returns once that is committed, durably. A unit inside a unit joins it.
     */
    public <T> T unit(Supplier<T> work) {
        return units.inUnit() ? work.get() : units.run(work);
    }

    /** See {@link Units#afterCommit}: for what may only be believed once it is committed. */
    public void afterCommit(Runnable action) {
        units.afterCommit(action);
    }

    /**
     * See {@link Dialect#scrubDeleted}. Runs after the deleting transaction has committed, so a failure
     * must not turn an acknowledged write into an error: it is logged, and the next scrub catches up.
     */
    public void scrubDeleted() {
        units.scrubDeleted();
    }

    /** Before the pool closes: the single writer gives its connection back. */
    public void release() {
        units.release();
    }
}
