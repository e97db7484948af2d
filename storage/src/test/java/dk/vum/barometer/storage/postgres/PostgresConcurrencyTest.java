package dk.vum.barometer.storage.postgres;

import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.ConcurrencyContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;

/** Two bot instances: two PostgreSQL stores, each with its own pool, on one schema. */
class PostgresConcurrencyTest extends ConcurrencyContract {

    private static final String KEY = PostgresTestDatabase.newDraftKey();
    @RegisterExtension
    static final PostgresTestDatabase database = new PostgresTestDatabase();

    @Override
    protected Storage[] newStores() {
        try {
            String url = database.newSchema();
            return new Storage[]{
                    PostgresStorage.open(url, PostgresTestDatabase.USER, null, KEY),
                    PostgresStorage.open(url, PostgresTestDatabase.USER, null, KEY)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
