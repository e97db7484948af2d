package dk.vum.barometer.storage.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.StorageContract;
import dk.vum.barometer.storage.StoreContracts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on a real SQLite file, plus what is particular to SQLite. */
class SqliteStorageTest extends StoreContracts {

    @TempDir
    Path dataDir;

    @Override
    protected JdbcStorage open(Clock clock) {
        return SqliteStorage.open(dataDir.resolve("data"), clock);
    }

    /** What is particular to SQLite. */
    @Nested
    class ParticularToSqlite extends StorageContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
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
        void aDatabaseOfTheFirstSchemaIsMigratedKeepingItsResponsesButNotTheirDay() throws SQLException, IOException {
            store.close();
            Path old = Files.createDirectories(dataDir.resolve("v1"));
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(old, Durability.FULL))) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/sqlite").target("1").load().migrate();
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO organisations (org, name) VALUES ('local:a', 'A')");
                    s.execute("INSERT INTO measurements (org, number, name, stage, status, created_by, created_on) "
                            + "VALUES ('local:a', 1, 'M', 'OPSTART', 'CLOSED', 'u', '2026-11-02')");
                    s.execute("INSERT INTO responses (org, measurement, id, report_group, content_hash, submitted_on) "
                            + "VALUES ('local:a', 1, 'r1', 'MEDARBEJDERE', 'h', '2026-11-03')");
                }
            }

            store = SqliteStorage.open(old, clock);

            assertThat(store.responses(new OrgId("local:a"), 1)).hasSize(1);
            assertThat(store.measurement(new OrgId("local:a"), 1).orElseThrow().thresholds()).isNull();
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(old, Durability.FULL));
                 Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet columns = s.executeQuery("SELECT name FROM pragma_table_info('responses')")) {
                List<String> names = new ArrayList<>();
                while (columns.next()) names.add(columns.getString(1));
                assertThat(names).containsExactlyInAnyOrder("org", "measurement", "id", "report_group", "content_hash");
            }
        }

        @Test
        void plainDraftsOfTheSecondSchemaAreEncryptedAtTheFirstStartAndKeepTheirVersion() throws SQLException, IOException {
            store.close();
            Path old = Files.createDirectories(dataDir.resolve("v2"));
            String marker = "PLAIN-DRAFT-" + java.util.UUID.randomUUID();
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(old, Durability.FULL))) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/sqlite").target("2").load().migrate();
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO organisations (org, name) VALUES ('local:a', 'A')");
                    s.execute("INSERT INTO measurements (org, number, name, stage, status, created_by, created_on) "
                            + "VALUES ('local:a', 1, 'M', 'OPSTART', 'OPEN', 'u', '2026-11-02')");
                    s.execute("INSERT INTO respondents (org, measurement, user_id, role, status) "
                            + "VALUES ('local:a', 1, 'U1', 'SAGSBEHANDLER', 'INVITED')");
                    s.execute("INSERT INTO drafts (org, measurement, user_id, state, version) VALUES ('local:a', 1, 'U1', '"
                            + marker + "', 7)");
                    s.execute("INSERT INTO delivery_log (org, delivery_id, received_at) VALUES ('local:a', 'slack-act:U1:17', 1)");
                }
            }

            store = SqliteStorage.open(old, clock);

            OrgId org = new OrgId("local:a");
            assertThat(store.draft(org, 1, "U1")).contains(new dk.vum.barometer.core.model.Draft(marker, 7));
            assertThat(store.saveDraft(org, 1, "U1", "next", 7)).isTrue();
            for (String name : List.of(SqliteStorage.FILE_NAME, SqliteStorage.FILE_NAME + "-wal")) {
                Path file = old.resolve(name);
                if (Files.exists(file)) {
                    assertThat(dk.vum.barometer.storage.Bytes.contains(Files.readAllBytes(file), marker)).as(name).isFalse();
                    assertThat(dk.vum.barometer.storage.Bytes.contains(Files.readAllBytes(file), "slack-act:U1")).as(name).isFalse();
                }
            }
        }

        @Test
        void aClosedMeasurementsResponsesAreKeptOnlyWhileTheyAreTheSame() throws SQLException {
            store.ensureOrganisation(A, "Aarhus");
            int m = openMeasurement(A, "U1", "U2");
            store.submit(A, m, "U1", submission(ReportGroup.LEDELSE));
            store.close(A, m);
            assertThat(store.responses(A, m)).hasSize(1);

            // what another instance, or a measurement deleted and its number used again, would leave behind
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(dataDir.resolve("data"), Durability.FULL));
                 Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO responses (org, measurement, id, report_group, content_hash) "
                        + "VALUES ('" + A.value() + "', " + m + ", 'another', 'MEDARBEJDERE', 'hash-s')");
                s.execute("INSERT INTO answers (org, measurement, response_id, item_id, value) "
                        + "VALUES ('" + A.value() + "', " + m + ", 'another', 'i1', 5)");
            }

            assertThat(store.responses(A, m)).extracting(StoredResponse::group)
                    .containsExactlyInAnyOrder(ReportGroup.LEDELSE, ReportGroup.MEDARBEJDERE);
            assertThat(store.responses(A, m)).hasSize(2);
        }

        @Test
        void pooledConnectionsAreOpenedWithTheRequiredPragmas() throws SQLException {
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(dataDir.resolve("data"), Durability.FULL));
                 Connection c = pool.getConnection()) {
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(c, "synchronous")).isEqualTo("2");
                assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(c, "secure_delete")).isEqualTo("1");
                assertThat(Integer.parseInt(pragma(c, "busy_timeout"))).isPositive();
            }
        }

        @Test
        void onlyTheTestSwitchLowersDurability() throws SQLException {
            try (HikariDataSource pool = new HikariDataSource(SqliteStorage.poolConfig(dataDir.resolve("data"), Durability.OFF));
                 Connection c = pool.getConnection()) {
                assertThat(pragma(c, "synchronous")).isEqualTo("0");
            }
            String before = System.clearProperty(Durability.PROPERTY);
            try {
                assertThat(Durability.configured()).isEqualTo(Durability.FULL);
            } finally {
                if (before != null) System.setProperty(Durability.PROPERTY, before);
            }
        }

        private static String pragma(Connection c, String name) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
