package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.ConcurrencyContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Concurrent writers on one SQLite file: one store, as SQLite serves one process. */
class SqliteConcurrencyTest extends ConcurrencyContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage[] newStores() {
        Storage store = SqliteStorage.open(dataDir);
        return new Storage[]{store};
    }
}
