package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.UnitOfWorkContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The unit of work on the single writer (group commit): one store, as SQLite serves one process. */
class SqliteUnitOfWorkTest extends UnitOfWorkContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage[] newStores() {
        return new Storage[]{reopen()};
    }

    @Override
    protected Storage reopen() {
        return SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL);
    }
}
