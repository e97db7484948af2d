package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.storage.ActivityStoreContract;
import dk.vum.barometer.storage.ChecklistAnswerStoreContract;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.RhythmStoreContract;
import dk.vum.barometer.storage.TeamStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** The follow-up stores' contracts on real SQLite files. */
class SqliteFollowUpStoresTest {

    @TempDir
    Path dataDir;

    JdbcStorage open() {
        return SqliteStorage.open(dataDir.resolve(UUID.randomUUID().toString()));
    }

    @Nested
    class Teams extends TeamStoreContract {
        protected JdbcStorage newStorage() {
            return open();
        }
    }

    @Nested
    class ChecklistAnswers extends ChecklistAnswerStoreContract {
        protected JdbcStorage newStorage() {
            return open();
        }
    }

    @Nested
    class Activities extends ActivityStoreContract {
        protected JdbcStorage newStorage() {
            return open();
        }
    }

    @Nested
    class Rhythms extends RhythmStoreContract {
        protected JdbcStorage newStorage() {
            return open();
        }
    }
}
