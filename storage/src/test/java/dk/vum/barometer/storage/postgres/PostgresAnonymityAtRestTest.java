package dk.vum.barometer.storage.postgres;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks at the database the way a curious administrator could: the system columns {@code xmin}/{@code xmax}
 * of every row version, live or dead ({@code pageinspect}'s {@code heap_page_items}), and the raw bytes
 * of every page of the tables that name a person, their TOAST tables included. Proves that no
 * transaction that wrote a response touched a respondent's row or fewer people than the group minimum,
 * and that no version of a person's draft or sealed submission shows an answer or a comment.
 */
class PostgresAnonymityAtRestTest {

    private static final OrgId ORG = new OrgId("slack:T1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final OrgSettings MINIMUMS = new OrgSettings(3, 3);
    private static final List<String> PERSON_TABLES = List.of("respondents", "drafts", "sealed_submissions");
    private static final List<String> ANONYMOUS_TABLES = List.of("responses", "answers", "comments");
    private static final int HEAP_XMAX_IS_MULTI = 0x1000;

    @RegisterExtension
    static final PostgresTestDatabase database = new PostgresTestDatabase();

    private Storage store;
    private Connection dba;
    private String schema;

    private final String itemMarker = "ITEM-" + UUID.randomUUID();
    private final String commentMarker = "COMMENT-" + UUID.randomUUID();

    @BeforeAll
    static void installPageinspect() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public");
        }
    }

    @BeforeEach
    void open() throws SQLException {
        String url = database.newSchema();
        schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        store = PostgresStorage.open(url, PostgresTestDatabase.USER, null, PostgresTestDatabase.newDraftKey());
        dba = PostgresTestDatabase.connect(url);
    }

    @AfterEach
    void close() throws SQLException {
        dba.close();
        store.close();
    }

    @Test
    void noTransactionThatWroteAResponseTouchedARespondentOrFewerPeopleThanTheMinimum() throws SQLException {
        List<String> caseworkers = IntStream.rangeClosed(1, 8).mapToObj(i -> "C" + i).toList();
        int m = openRound(caseworkers, "L1", "L2", "idle");
        store.saveDraft(ORG, m, "idle", "{\"cursor\":1}", 0);
        for (String u : caseworkers) {
            store.saveDraft(ORG, m, u, "{\"cursor\":1}", 0);
            assertThat(store.submit(ORG, m, u, submission(ReportGroup.MEDARBEJDERE, "kommentar fra " + u)))
                    .isEqualTo(SubmitResult.ACCEPTED);
            store.mixSealed();
        }
        for (String u : List.of("L1", "L2")) store.submit(ORG, m, u, submission(ReportGroup.LEDELSE, "leder " + u));
        assertThat(rows("responses")).as("mixed while open: 6 waited, 3 stayed in reserve").isEqualTo(3);

        store.close(ORG, m);
        assertThat(rows("responses")).isEqualTo(10);

        Set<Long> writers = new HashSet<>();
        for (String table : ANONYMOUS_TABLES) {
            for (Version v : versions(table)) writers.add(v.xmin());
        }
        List<Version> respondents = versions("respondents");
        List<Version> sealed = versions("sealed_submissions");
        List<Version> drafts = versions("drafts");
        assertThat(sealed).as("dead versions are inspected").hasSize(10).allMatch(v -> v.xmax() != 0);
        assertThat(writers).as("a mixing batch while open, and the close").hasSize(2);

        for (long writer : writers) {
            assertThat(respondents).as("no respondent row written or locked by a response's transaction")
                    .noneMatch(v -> v.xmin() == writer || v.xmax() == writer);
            long people = sealed.stream().filter(v -> v.xmax() == writer).count();
            long responses = versions("responses").stream().filter(v -> v.xmin() == writer).count();
            assertThat(people).as("sealed submissions mixed by one transaction").isEqualTo(responses)
                    .isGreaterThanOrEqualTo(MINIMUMS.minGroupForComments());
            assertThat(sealed).as("no sealed submission written by a response's transaction")
                    .noneMatch(v -> v.xmin() == writer);
            assertThat(drafts).as("only the unsubmitted draft is deleted at close")
                    .filteredOn(v -> v.xmin() == writer || v.xmax() == writer)
                    .allMatch(v -> text(v.data()).contains("idle"));
        }
    }

    @Test
    void noVersionOfAPersonsRowShowsAnAnswerOrAComment() throws SQLException {
        int m = openRound(List.of("C1", "C2", "C3"), "L1");
        for (String u : List.of("C1", "C2", "C3", "L1")) {
            String state = "{\"answers\":{\"" + itemMarker + "\":4},\"comments\":{\"t1\":\"" + commentMarker + "\"}}";
            store.saveDraft(ORG, m, u, state, 0);
            store.saveDraft(ORG, m, u, state + incompressible(3_000) + commentMarker, 1);
            store.saveDraft(ORG, m, u, state, 2);
        }
        assertThat(versions("drafts")).as("dead draft versions are there to inspect").anyMatch(v -> v.xmax() != 0);
        assertNoPlaintextInPersonTables("while drafting");
        assertThat(lengths("SELECT octet_length(state) FROM drafts")).as("padded to whole blocks").hasSize(1);

        for (String u : List.of("C1", "C2", "C3")) {
            store.submit(ORG, m, u, new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of(itemMarker, 4),
                    Map.of("t1", commentMarker + " fra " + u + (u.equals("C1") ? " " + incompressible(8_000) : ""))));
        }
        assertNoPlaintextInPersonTables("while sealed");
        assertThat(lengths("SELECT octet_length(submission) FROM sealed_submissions UNION SELECT octet_length(state) FROM drafts"))
                .as("a long comment and a short one, a draft and a sealed submission: one size").hasSize(1);

        store.close(ORG, m);
        assertNoPlaintextInPersonTables("after close");
        assertThat(pagesContain("comments", commentMarker)).as("the search finds what is there").isTrue();
        assertThat(pagesContain("answers", itemMarker)).isTrue();
    }

    @Test
    void nothingInTheClearCountsAPersonsClicksOrNamesThemInTheDeliveryLog() throws SQLException {
        int m = openRound(List.of("C1", "C2", "C3"), "L1");
        for (long v = 0; v < 5; v++) assertThat(store.saveDraft(ORG, m, "C1", "{}", v)).isTrue();
        store.firstDelivery(ORG, "slack-act:C1:1700000000.123456");

        try (Statement s = dba.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM drafts")) {
            assertThat(rs.next()).isTrue();
            assertThat(Math.abs(rs.getLong(1))).as("a keyed hash, not a count of saves").isGreaterThan(1000);
        }
        try (Statement s = dba.createStatement(); ResultSet rs = s.executeQuery("SELECT delivery_id, received_at FROM delivery_log")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain("C1").doesNotContain("1700000000").matches("[0-9a-f]{40}");
            assertThat(rs.getLong(2) % 3_600_000).as("the hour only").isZero();
        }
    }

    @Test
    void anonymousTablesHaveNoKeyOrDefaultThatOrdersThemAndNoTimeOrPerson() throws SQLException {
        int m = openRound(List.of("C1", "C2", "C3"), "L1");
        for (String u : List.of("C1", "C2", "C3")) store.submit(ORG, m, u, submission(ReportGroup.MEDARBEJDERE, "k"));
        store.close(ORG, m);

        for (String table : ANONYMOUS_TABLES) {
            try (PreparedStatement ps = dba.prepareStatement("SELECT column_name, data_type, column_default, is_identity "
                    + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = 0;
                    while (rs.next()) {
                        columns++;
                        String name = rs.getString("column_name");
                        assertThat(name).as(table).doesNotContain("user").doesNotContain("respondent").doesNotEndWith("_at");
                        assertThat(rs.getString("data_type")).as(table + "." + name).isIn("text", "integer");
                        assertThat(rs.getString("column_default")).as(table + "." + name).isNull();
                        assertThat(rs.getString("is_identity")).as(table + "." + name).isEqualTo("NO");
                    }
                    assertThat(columns).as(table).isPositive();
                }
            }
        }
        try (Statement s = dba.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM responses UNION ALL SELECT id FROM comments")) {
            while (rs.next()) assertThat(UUID.fromString(rs.getString(1)).version()).isEqualTo(4);
        }
    }

    // ---- what the administrator looks at

    private record Version(long xmin, long xmax, byte[] data) {
    }

    /** Every row version in the table's pages, live or dead, with the transactions that wrote and deleted it. */
    private List<Version> versions(String table) throws SQLException {
        List<Version> versions = new ArrayList<>();
        for (int block = 0; block < blocks(table); block++) {
            try (PreparedStatement ps = dba.prepareStatement("SELECT t_xmin, t_xmax, t_infomask, t_data "
                    + "FROM public.heap_page_items(public.get_raw_page(?, ?)) WHERE t_xmin IS NOT NULL")) {
                ps.setString(1, schema + "." + table);
                ps.setInt(2, block);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean multi = (rs.getInt("t_infomask") & HEAP_XMAX_IS_MULTI) != 0;
                        versions.add(new Version(rs.getLong("t_xmin"), multi ? 0 : rs.getLong("t_xmax"), rs.getBytes("t_data")));
                    }
                }
            }
        }
        return versions;
    }

    private void assertNoPlaintextInPersonTables(String when) throws SQLException {
        for (String table : PERSON_TABLES) {
            for (String relation : withToast(table)) {
                assertThat(pagesContain(relation, itemMarker)).as(when + ": an answer in " + relation).isFalse();
                assertThat(pagesContain(relation, commentMarker)).as(when + ": a comment in " + relation).isFalse();
            }
        }
    }

    /** Searches every byte of every page, free space and dead tuples included. */
    private boolean pagesContain(String relation, String text) throws SQLException {
        String qualified = relation.contains(".") ? relation : schema + "." + relation;
        for (int block = 0; block < blocks(qualified); block++) {
            try (PreparedStatement ps = dba.prepareStatement("SELECT public.get_raw_page(?, ?)")) {
                ps.setString(1, qualified);
                ps.setInt(2, block);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (Bytes.contains(rs.getBytes(1), text)) return true;
                }
            }
        }
        return false;
    }

    private List<String> withToast(String table) throws SQLException {
        List<String> relations = new ArrayList<>(List.of(table));
        try (PreparedStatement ps = dba.prepareStatement(
                "SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = ?::regclass AND reltoastrelid <> 0")) {
            ps.setString(1, schema + "." + table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) relations.add(rs.getString(1));
            }
        }
        return relations;
    }

    private int blocks(String relation) throws SQLException {
        String qualified = relation.contains(".") ? relation : schema + "." + relation;
        try (PreparedStatement ps = dba.prepareStatement(
                "SELECT pg_relation_size(?::regclass) / current_setting('block_size')::int")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private long rows(String table) throws SQLException {
        try (Statement s = dba.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Letters drawn at random: drafts are compressed before they are padded, and this would not shrink. */
    private static String incompressible(int length) {
        return new Random(length).ints(length, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private Set<Integer> lengths(String sql) throws SQLException {
        Set<Integer> lengths = new HashSet<>();
        try (Statement s = dba.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) lengths.add(rs.getInt(1));
        }
        return lengths;
    }

    // ---- the round

    private int openRound(List<String> caseworkers, String... leaders) {
        store.saveSettings(ORG, MINIMUMS);
        int m = store.createMeasurement(new NewMeasurement(ORG, "Måling", Stage.OPSTART, DAY.plusDays(14), null, null,
                Map.of(Audience.SAGSBEHANDLERE, "hash-s", Audience.LEDELSE, "hash-l"), "coordinator", DAY)).number();
        Map<String, RespondentRole> respondents = new LinkedHashMap<>();
        caseworkers.forEach(u -> respondents.put(u, RespondentRole.SAGSBEHANDLER));
        for (String l : leaders) respondents.put(l, RespondentRole.LEDER);
        store.addRespondents(ORG, m, new HashMap<>(respondents), List.of());
        assertThat(store.open(ORG, m, DAY, MINIMUMS, List.of())).isTrue();
        return m;
    }

    private static Submission submission(ReportGroup group, String comment) {
        return new Submission(group, group == ReportGroup.LEDELSE ? "hash-l" : "hash-s", Map.of("i1", 4, "i2", 1),
                Map.of("t1", comment));
    }

    private static String text(byte[] data) {
        return data == null ? "" : new String(data, StandardCharsets.ISO_8859_1);
    }
}
