package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads the database files themselves, as someone holding a copy of them without the key could, to prove
 * that no draft is readable, no column links a response to a user, no time orders it, and nothing counts a
 * person's clicks. {@link SqliteFileAttackTest} plays whole rounds against copies of the files.
 */
class AnonymityAtRestTest {

    private static final OrgId ORG = new OrgId("local:demo");
    private static final List<String> ANONYMOUS_TABLES = List.of("responses", "answers", "comments");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    @TempDir
    Path dataDir;

    private final String marker = "DRAFT-MARKER-" + UUID.randomUUID();

    @Test
    void aDraftIsNeverInTheDatabaseFilesInTheClear() throws IOException {
        int m;
        try (Storage store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL)) {
            m = openMeasurement(store);
            String state = "{\"cursor\":\"" + marker + "\",\"answers\":{\"i1\":4}}";
            assertThat(store.saveDraft(ORG, m, "U1", state, 0)).isTrue();
            assertThat(store.saveDraft(ORG, m, "U1", state + marker.repeat(200), 1)).isTrue();
            assertThat(store.saveDraft(ORG, m, "U2", "{\"cursor\":\"someone else\"}", 0)).isTrue();

            assertThat(filesContain(marker)).as("while drafting").isFalse();
            assertThat(store.draft(ORG, m, "U1")).map(Draft::state).contains(state + marker.repeat(200));

            assertThat(store.submit(ORG, m, "U1", submission())).isEqualTo(SubmitResult.ACCEPTED);

            assertThat(filesContain(marker)).as("after submission").isFalse();
            assertThat(store.draft(ORG, m, "U2")).isPresent();
        }
        assertThat(filesContain(marker)).as("after closing").isFalse();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(SqliteStorage.KEY_FILE_NAME)))
                .as("the key file beside the database is the bot's alone")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void withoutItsKeyFileAStoreWithDraftsRefusesToStartRatherThanLoseThem() throws IOException {
        try (Storage store = SqliteStorage.open(dataDir)) {
            store.saveDraft(ORG, openMeasurement(store), "U1", "{}", 0);
        }
        Files.move(dataDir.resolve(SqliteStorage.KEY_FILE_NAME), dataDir.resolve("elsewhere.key"));

        assertThatThrownBy(() -> SqliteStorage.open(dataDir)).hasMessageContaining("restore it");
        assertThat(dataDir.resolve(SqliteStorage.KEY_FILE_NAME)).doesNotExist();

        Files.move(dataDir.resolve("elsewhere.key"), dataDir.resolve(SqliteStorage.KEY_FILE_NAME));
        try (Storage store = SqliteStorage.open(dataDir)) {
            assertThat(store.draft(ORG, 1, "U1")).map(Draft::state).contains("{}");
        }
    }

    @Test
    void draftVersionsAndDeliveryIdsAreNotKeptInTheClear() throws SQLException {
        try (Storage store = SqliteStorage.open(dataDir)) {
            int m = openMeasurement(store);
            for (int v = 0; v < 5; v++) assertThat(store.saveDraft(ORG, m, "U1", "{}", v)).isTrue();
            assertThat(store.draft(ORG, m, "U1")).map(Draft::version).contains(5L);
            store.firstDelivery(ORG, "slack-act:U1:1700000000.123456");
        }
        try (Connection db = rawConnection()) {
            assertThat(values(db, "SELECT version FROM drafts")).singleElement()
                    .satisfies(v -> assertThat(Math.abs(Long.parseLong(v))).as("no count of saves").isGreaterThan(1000));
            assertThat(values(db, "SELECT delivery_id || ' ' || received_at FROM delivery_log")).singleElement()
                    .asString().doesNotContain("U1").doesNotContain("1700000000").matches("[0-9a-f]{40} \\d+");
            assertThat(values(db, "SELECT received_at % 3600000 FROM delivery_log")).containsExactly("0");
        }
    }

    @Test
    void noAnonymousTableNamesAUserOrATime() throws SQLException {
        try (Storage store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL)) {
            int m = openMeasurement(store);
            store.submit(ORG, m, "U1", submission());
        }
        try (Connection db = rawConnection()) {
            for (String table : ANONYMOUS_TABLES) {
                assertThat(columns(db, table)).as(table)
                        .noneMatch(c -> c.name.contains("user") || c.name.contains("respondent") || c.name.contains("created"))
                        .noneMatch(c -> c.name.endsWith("_at") || c.type.contains("TIME"));
            }
            assertThat(columns(db, "respondents")).extracting(c -> c.name)
                    .containsExactlyInAnyOrder("org", "measurement", "user_id", "role", "status");
            assertThat(columns(db, "responses")).extracting(c -> c.name)
                    .containsExactlyInAnyOrder("org", "measurement", "id", "report_group", "content_hash");
            assertThat(values(db, "SELECT id FROM responses"))
                    .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        }
    }

    @Test
    void anonymousTablesHaveNoInsertionOrderedRowid() throws SQLException {
        SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL).close();
        try (Connection db = rawConnection()) {
            for (String table : ANONYMOUS_TABLES) {
                assertThat(values(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"))
                        .as(table).singleElement().asString().containsIgnoringCase("WITHOUT ROWID");
            }
        }
    }

    private static int openMeasurement(Storage store) {
        int m = store.createMeasurement(new NewMeasurement(ORG, "Måling", Stage.OPSTART, DAY.plusDays(14), null, null,
                Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY)).number();
        store.addRespondents(ORG, m, Map.of("U1", RespondentRole.SAGSBEHANDLER, "U2", RespondentRole.SAGSBEHANDLER), List.of());
        store.open(ORG, m, DAY, OrgSettings.DEFAULTS, List.of());
        return m;
    }

    private static Submission submission() {
        return new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 4), Map.of("t1", "En kommentar"));
    }

    private boolean filesContain(String text) throws IOException {
        for (String name : List.of(SqliteStorage.FILE_NAME, SqliteStorage.FILE_NAME + "-wal")) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file) && Bytes.contains(Files.readAllBytes(file), text)) return true;
        }
        return false;
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(SqliteStorage.jdbcUrl(dataDir));
    }

    private record Column(String name, String type) {
    }

    private static List<Column> columns(Connection db, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("name").toLowerCase(Locale.ROOT), rs.getString("type").toUpperCase(Locale.ROOT)));
            }
        }
        assertThat(columns).as("columns of " + table).isNotEmpty();
        return columns;
    }

    private static List<String> values(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }
}
