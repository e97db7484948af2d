package dk.vum.barometer.storage.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.StorageContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on a real SQLite file, plus what is particular to SQLite. */
class SqliteStorageTest extends StorageContract {

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqliteStorage.open(dataDir.resolve("data"), clock);
    }

    @Test
    void theDatabaseFileIsCreatedInTheDataFolder() {
        assertThat(dataDir.resolve("data").resolve(SqliteStorage.FILE_NAME)).isRegularFile();
    }

    @Test
    void dataSurvivesReopening() {
        store.ensureOrganisation(A, "Aarhus");
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);
        store.close();

        store = newStorage(clock);

        assertThat(store.draft(A, m, "U1")).isPresent();
        assertThat(store.ensureOrganisation(A, "Aarhus")).isFalse();
    }

    @Test
    void pooledConnectionsAreOpenedWithTheRequiredPragmas() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(dataDir.resolve("data")));
             Connection c = pool.getConnection()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "synchronous")).isEqualTo("2");
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(c, "secure_delete")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(c, "busy_timeout"))).isPositive();
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
