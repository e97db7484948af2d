package dk.vum.barometer.storage;

import java.util.function.Supplier;

/**
 * How a database runs units of work ({@link Jdbc#unit}): one transaction for all of a unit's statements,
 * joined by whatever the unit's thread runs through the stores until the unit returns. A database failure
 * inside a unit fails the whole unit, even where its work caught the failure.
 */
interface Units {

    /** Whether the calling thread is running a unit now: its further work then joins that unit. */
    boolean inUnit();

    /** Work of the unit the calling thread is running ({@link #inUnit()}), in its transaction. */
    <T> T joined(SqlWork<T> work);

    /** Runs {@code work} as a unit of its own and returns once its writes are committed, durably. */
    <T> T run(Supplier<T> work);

    /**
     * Runs {@code action} once what the calling thread has written is committed: at once outside a unit,
     * after the unit's commit inside one, and never if the unit rolls back.
     */
    void afterCommit(Runnable action);

    /** See {@link Dialect#scrubDeleted}: after the calling thread's unit, if any, has committed. */
    void scrubDeleted();

    /** Before the pool closes: gives back any connection held between units. */
    void release();
}
