package dk.vum.barometer.core.store;

import java.util.function.Supplier;

/**
 * One event's reads and writes as one unit: what the work does through the stores on this thread is
 * committed together, durably, before {@link #inTransaction} returns, or not at all where the work
 * throws or a store failed inside it (even if the work caught that failure). Units nest: an inner one
 * joins the outer. A store with one writer (SQLite) commits the units of concurrent events together
 * (group commit); one shared by several instances (PostgreSQL) gives each unit a transaction of its own,
 * holding its locks until it commits, and runs a unit that lost a deadlock again from the start. So the
 * work touches nothing but the stores before it returns (no message is sent from inside it), and can run
 * more than once.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
