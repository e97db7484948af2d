package dk.vum.barometer.bench;

import java.time.Duration;

/**
 * What a database running in processes of its own has done so far for the run's database: the CPU time of
 * the processes serving its sessions, the transactions committed and the rows written (inserted, updated,
 * deleted). {@link #NONE} where the database runs inside the server (SQLite).
 */
record DatabaseUse(Duration cpu, long commits, long rowsWritten) {

    static final DatabaseUse NONE = new DatabaseUse(Duration.ZERO, 0, 0);

    DatabaseUse minus(DatabaseUse before) {
        return new DatabaseUse(cpu.minus(before.cpu), commits - before.commits, rowsWritten - before.rowsWritten);
    }
}
