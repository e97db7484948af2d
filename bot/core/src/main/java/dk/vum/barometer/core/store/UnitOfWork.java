package dk.vum.barometer.core.store;

import java.util.function.Supplier;

/**
 * One event's reads and writes as one unit: what the work does through the stores on this thread is
 * committed together, durably, before {@link #inTransaction} returns, or not at all where the work
 * throws. Units nest: an inner one joins the outer. A store with one writer (SQLite) commits the
 * units of concurrent events together (group commit); one shared by several instances (PostgreSQL)
 * may commit each store call on its own, as its locks are written for.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
