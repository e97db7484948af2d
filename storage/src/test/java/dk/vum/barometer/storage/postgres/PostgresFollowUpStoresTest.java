package dk.vum.barometer.storage.postgres;

import dk.vum.barometer.storage.ActivityStoreContract;
import dk.vum.barometer.storage.ChecklistAnswerStoreContract;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.RhythmStoreContract;
import dk.vum.barometer.storage.TeamStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

/** The follow-up stores' contracts on real machine's PostgreSQL, each test in a database of its own. */
class PostgresFollowUpStoresTest {

    private static final String KEY = PostgresTestDatabase.newDraftKey();
    @RegisterExtension
    static final PostgresTestDatabase database = new PostgresTestDatabase();

    JdbcStorage open() {
        try {
            return PostgresStorage.open(database.newSchema(), PostgresTestDatabase.USER, null, KEY);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
