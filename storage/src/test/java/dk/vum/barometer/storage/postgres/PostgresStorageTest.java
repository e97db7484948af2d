package dk.vum.barometer.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.StorageContract;
import dk.vum.barometer.storage.StoreContracts;
import dk.vum.barometer.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage contract on the machine's PostgreSQL, plus what is particular to PostgreSQL. */
class PostgresStorageTest extends StoreContracts {

    private static final String KEY = PostgresTestDatabase.newDraftKey();
    @RegisterExtension
    static final PostgresTestDatabase database = new PostgresTestDatabase();
    private String url;

    @Override
    protected JdbcStorage open(Clock clock) {
        try {
            url = database.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return PostgresStorage.open(url, PostgresTestDatabase.USER, null, KEY, clock);
    }

    /** What is particular to PostgreSQL. */
    @Nested
    class ParticularToPostgres extends StorageContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }

        @Test
        void theStoreRefusesToStartWithoutAUsableDraftKey() {
            for (String key : new String[]{null, " ", "not base64!", "c2hvcnQ="}) {
                assertThatThrownBy(() -> PostgresStorage.open(url, PostgresTestDatabase.USER, null, key))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DRAFT_KEY");
            }
        }

        @Test
        void draftsWrittenWithAnotherKeyAreNotRead() {
            int m = openMeasurement(A, "U1");
            store.saveDraft(A, m, "U1", "s1", 0);

            try (Storage other = PostgresStorage.open(url, PostgresTestDatabase.USER, null, PostgresTestDatabase.newDraftKey())) {
                assertThatThrownBy(() -> other.draft(A, m, "U1")).isInstanceOf(StorageException.class)
                        .hasMessageContaining("DRAFT_KEY");
            }
            assertThat(store.draft(A, m, "U1")).contains(new Draft("s1", 1));
        }

        @Test
        void whileTheRoundIsOpenResponsesComeInBatchesThatLeaveAFullMinimumWaiting() {
            store.saveSettings(A, new OrgSettings(3, 3));
            int m = store.createMeasurement(newMeasurement(A)).number();
            store.addRespondents(A, m, Map.of("L1", RespondentRole.LEDER), List.of());
            for (String u : List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")) {
                store.addRespondents(A, m, Map.of(u, RespondentRole.SAGSBEHANDLER), List.of());
            }
            store.open(A, m, DAY, new OrgSettings(3, 3), List.of());
            List<Integer> mixedAfterEach = new ArrayList<>();
            for (String u : List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")) {
                store.submit(A, m, u, new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 2), Map.of()));
                mixedAfterEach.add(store.mixSealed());
            }
            store.submit(A, m, "L1", new Submission(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 5), Map.of()));

            // 6 waiting is twice the minimum: all but 3 are mixed; the 7th waits with the reserve
            assertThat(mixedAfterEach).containsExactly(0, 0, 0, 0, 0, 3, 0);
            assertThat(store.responses(A, m)).hasSize(3).allMatch(r -> r.group() == ReportGroup.MEDARBEJDERE);
            assertThat(store.mixSealed()).isZero();

            store.close(A, m);

            assertThat(store.responses(A, m)).hasSize(8);
        }

        @Test
        void batchesHoldAtLeastTheCommentMinimum() {
            store.saveSettings(A, new OrgSettings(3, 4));
            int m = store.createMeasurement(newMeasurement(A)).number();
            List<String> users = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8");
            users.forEach(u -> store.addRespondents(A, m, Map.of(u, RespondentRole.SAGSBEHANDLER), List.of()));
            store.open(A, m, DAY, new OrgSettings(3, 4), List.of());
            List<Integer> mixedAfterEach = new ArrayList<>();
            for (String u : users) {
                store.submit(A, m, u, new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 2), Map.of("t1", u)));
                mixedAfterEach.add(store.mixSealed());
            }

            assertThat(mixedAfterEach).containsExactly(0, 0, 0, 0, 0, 0, 0, 4);
        }

        @Test
        void connectionsCommitDurablyInReadCommitted() throws SQLException {
            try (Connection c = PostgresTestDatabase.connect(url); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1, url.indexOf('?')) + " SET synchronous_commit = off");
            }
            try (HikariDataSource pool = new HikariDataSource(PostgresStorage.poolConfig(url, PostgresTestDatabase.USER, null));
                 Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            } finally {
                try (Connection c = PostgresTestDatabase.connect(url); Statement s = c.createStatement()) {
                    s.execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1, url.indexOf('?')) + " RESET synchronous_commit");
                }
            }
        }

        private static String setting(Statement s, String name) throws SQLException {
            try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
