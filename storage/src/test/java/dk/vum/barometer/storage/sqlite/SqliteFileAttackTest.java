package dk.vum.barometer.storage.sqlite;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays the attacker of the data folder without the key: respondents submit one at a time, the mixer runs
 * as the host runs it, and the database files (db, -wal, -shm) are copied before and after every
 * submission and after the close. Each person's answers and comment carry a marker only the test knows,
 * so it can score every attack: what a submission changes in the files, where each row's cell lies in
 * its page (SQLite writes a page's cells from its end downwards, so a lower offset means written later),
 * and the order of the cells against the order of submission.
 */
class SqliteFileAttackTest {

    private static final OrgId ORG = new OrgId("slack:T1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final OrgSettings MINIMUMS = new OrgSettings(3, 3);
    private static final int PEOPLE = 48;
    private static final List<String> FILES = List.of(SqliteStorage.FILE_NAME, SqliteStorage.FILE_NAME + "-wal",
            SqliteStorage.FILE_NAME + "-shm");

    @TempDir
    Path dataDir;
    @TempDir
    Path copies;

    @Test
    void noCopyOfTheFilesLinksAPersonToTheirAnswersOrComment() throws Exception {
        List<String> people = IntStream.rangeClosed(1, PEOPLE).mapToObj(i -> String.format("U%02d", i)).toList();
        Path data = dataDir.resolve("data");
        try (Storage store = SqliteStorage.open(data)) {
            int m = openRound(store, people);
            int copy = 0;
            Set<String> mixed = new TreeSet<>();
            int orderChecks = 0;
            for (String person : people) {
                store.saveDraft(ORG, m, person, "{\"comment\":\"" + comment(person) + "\"}", 0);
                Path before = copyFiles(data, copy++);
                assertThat(markersIn(before, people)).as("the draft is never in the files in the clear").isEqualTo(mixed);

                assertThat(store.submit(ORG, m, person, submission(person))).isEqualTo(SubmitResult.ACCEPTED);
                Path after = copyFiles(data, copy++);
                assertThat(anonymousRows(after)).as("a submission alone changes no anonymous table")
                        .isEqualTo(anonymousRows(before));
                assertThat(markersIn(after, people)).as("a sealed submission shows nothing in the clear").isEqualTo(mixed);
                assertThat(sealedSizes(after)).as("every sealed submission has one size").hasSize(1);

                int moved = store.mixSealed();
                Path mixedCopy = copyFiles(data, copy++);
                Set<String> nowMixed = markersIn(mixedCopy, people);
                assertThat(nowMixed.size() - mixed.size()).as("a batch is empty or at least the minimum").isEqualTo(moved)
                        .satisfiesAnyOf(n -> assertThat(n).isZero(),
                                n -> assertThat(n).isGreaterThanOrEqualTo(MINIMUMS.minGroupForComments()));
                if (moved > 0 && nowMixed.size() >= PEOPLE / 2) {
                    assertThat(cellOrderAgainstSubmission(mixedCopy, nowMixed, people))
                            .as("where the cells lie says nothing about who came when").isBetween(0.25, 0.75);
                    orderChecks++;
                }
                mixed = nowMixed;
            }
            assertThat(orderChecks).as("copies after a mix were attacked").isPositive();
            store.close(ORG, m);
            Path closed = copyFiles(data, copy);
            assertThat(markersIn(closed, people)).containsExactlyElementsOf(people);
            assertThat(cellOrderAgainstSubmission(closed, new TreeSet<>(people), people))
                    .as("one copy after the close").isBetween(0.3, 0.7);
        }
    }

    /**
     * The local web chat's transcript, as its questionnaire messages reach it: everyone starts, then each
     * person in turn chooses an answer, sees the review with their comment and submits (the thanks). No copy
     * shows an answer or a comment, and the transcript orders people by when they started, not submitted.
     */
    @Test
    void noCopyOfTheWebChatTranscriptShowsAnAnswerOrWhoSubmittedWhen() throws Exception {
        List<String> people = IntStream.rangeClosed(1, 8).mapToObj(i -> String.format("U%02d", i)).toList();
        List<String> submissionOrder = List.of("U05", "U02", "U08", "U01", "U07", "U03", "U06", "U04");
        Path data = dataDir.resolve("chat");
        try (Storage store = SqliteStorage.open(data)) {
            for (String person : people) {
                store.append(ORG, "dm:" + person, null, "{\"blocks\":[{\"type\":\"paragraph\",\"text\":\"Invitation\"}]}");
                store.append(ORG, "dm:" + person, "questionnaire", questionnaireMessage("question", "none"));
            }
            int copy = 0;
            for (String person : submissionOrder) {
                store.append(ORG, "dm:" + person, "questionnaire", questionnaireMessage("question", answerMarker(person)));
                assertThat(markersIn(copyFiles(data, copy++), people)).as("a question with its choice").isEmpty();
                store.append(ORG, "dm:" + person, "questionnaire", questionnaireMessage("review", comment(person)));
                assertThat(markersIn(copyFiles(data, copy++), people)).as("the review").isEmpty();
                store.append(ORG, "dm:" + person, "questionnaire", questionnaireMessage("thanks", "Tak"));
            }
            Path last = copyFiles(data, copy);
            assertThat(markersIn(last, people)).isEmpty();
            assertThat(query(last, "SELECT conversation_id FROM transcript WHERE replace_key = 'questionnaire' ORDER BY seq"))
                    .as("the transcript's order is the order people started in")
                    .containsExactlyElementsOf(people.stream().map(p -> "dm:" + p).toList());
            assertThat(query(last, "SELECT conversation_id FROM transcript WHERE replace_key = 'questionnaire' ORDER BY rowid"))
                    .containsExactlyElementsOf(people.stream().map(p -> "dm:" + p).toList());
            assertThat(new TreeSet<>(query(last, "SELECT length(payload) FROM transcript")))
                    .as("a question, the review and the thanks are one size").hasSize(1);
            assertThat(store.transcript(ORG, "dm:U05", 0, 10)).extracting(e -> e.payload())
                    .contains(questionnaireMessage("thanks", "Tak"));
        }
    }

    @Test
    void messagesAnEarlierVersionKeptInTheClearAreEncryptedAtStart() throws Exception {
        Path data = dataDir.resolve("old");
        String message = questionnaireMessage("review", comment("U01"));
        try (Storage store = SqliteStorage.open(data)) {
            store.append(ORG, "dm:U01", "questionnaire", "{}");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStorage.FILE_NAME));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE transcript SET payload = '" + message + "'");
        }
        try (Storage store = SqliteStorage.open(data)) {
            assertThat(markersIn(copyFiles(data, 0), List.of("U01"))).isEmpty();
            assertThat(store.transcript(ORG, "dm:U01", 0, 10)).extracting(e -> e.payload()).containsExactly(message);
        }
    }

    private static String questionnaireMessage(String kind, String text) {
        return "{\"blocks\":[{\"type\":\"" + kind + "\",\"text\":\"" + text + "\"}]}";
    }

    private static int openRound(Storage store, List<String> people) {
        store.saveSettings(ORG, MINIMUMS);
        int m = store.createMeasurement(new NewMeasurement(ORG, "Måling", Stage.OPSTART, DAY.plusDays(14), null, null,
                Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY)).number();
        Map<String, RespondentRole> roles = new LinkedHashMap<>();
        people.forEach(p -> roles.put(p, RespondentRole.SAGSBEHANDLER));
        store.addRespondents(ORG, m, roles, List.of());
        store.open(ORG, m, DAY, MINIMUMS, List.of());
        return m;
    }

    /** Answers and a comment that only this person's submission holds, and nothing in common with their id. */
    private static Submission submission(String person) {
        return new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 3, answerMarker(person), 1),
                Map.of("t1", comment(person)));
    }

    private static String answerMarker(String person) {
        return "item-" + person.toLowerCase() + "-x";
    }

    private static String comment(String person) {
        return "note-" + person.toLowerCase() + "-x";
    }

    private Path copyFiles(Path data, int n) throws IOException {
        assertThat(data.resolve(SqliteStorage.FILE_NAME)).exists();
        Path to = Files.createDirectories(copies.resolve("copy" + n));
        for (String name : FILES) {
            if (Files.exists(data.resolve(name))) Files.copy(data.resolve(name), to.resolve(name));
        }
        return to;
    }

    /** The people whose answer or comment shows anywhere in the copied files, in any form. */
    private static Set<String> markersIn(Path copy, List<String> people) throws IOException {
        Set<String> found = new TreeSet<>();
        for (String name : FILES) {
            Path file = copy.resolve(name);
            if (!Files.exists(file)) continue;
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // markers are ASCII
            for (String p : people) {
                if (bytes.contains(comment(p)) || bytes.contains(answerMarker(p))) found.add(p);
            }
        }
        return found;
    }

    /** The anonymous tables' contents in a copy, ids left out (they are random). */
    private static List<String> anonymousRows(Path copy) throws SQLException {
        return query(copy, "SELECT 'r' || report_group || content_hash FROM responses UNION ALL "
                + "SELECT 'a' || item_id || value FROM answers UNION ALL SELECT 'c' || theme_id || text FROM comments "
                + "ORDER BY 1");
    }

    private static Set<String> sealedSizes(Path copy) throws SQLException {
        return new TreeSet<>(query(copy, "SELECT length(submission) FROM sealed_submissions UNION SELECT length(state) FROM drafts"));
    }

    private static List<String> query(Path copy, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve(SqliteStorage.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    /**
     * The database as a reader of the copy sees it: the main file with the WAL's frames of the current
     * generation laid over it, so pages not yet checkpointed are attacked in their newest version too.
     */
    private static byte[] latestPages(Path copy) throws IOException {
        byte[] image = Files.readAllBytes(copy.resolve(SqliteStorage.FILE_NAME));
        Path walFile = copy.resolve(SqliteStorage.FILE_NAME + "-wal");
        if (!Files.exists(walFile)) return image;
        byte[] wal = Files.readAllBytes(walFile);
        if (wal.length < 32) return image;
        ByteBuffer header = ByteBuffer.wrap(wal);
        int pageSize = header.getInt(8);
        int salt1 = header.getInt(16);
        int salt2 = header.getInt(20);
        for (int frame = 32; frame + 24 + pageSize <= wal.length; frame += 24 + pageSize) {
            if (header.getInt(frame + 8) != salt1 || header.getInt(frame + 12) != salt2) continue;
            long end = (long) header.getInt(frame) * pageSize;
            if (end > image.length) image = java.util.Arrays.copyOf(image, (int) end);
            System.arraycopy(wal, frame + 24, image, (int) end - pageSize, pageSize);
        }
        return image;
    }

    /**
     * The attacker's best use of one copy: in every b-tree page, a cell with a higher content offset was
     * written before one with a lower offset. For every pair of mixed people's cells in one page (answers and
     * comments, named by the markers in them), the guess "written first, submitted first" is right or
     * wrong; returns the share it gets right. A layout that follows the submissions, even batch by batch,
     * scores well above one half; a random layout scores one half.
     */
    private static double cellOrderAgainstSubmission(Path copy, Set<String> mixed, List<String> people) throws IOException {
        byte[] file = latestPages(copy);
        int pageSize = Short.toUnsignedInt(ByteBuffer.wrap(file, 16, 2).getShort());
        if (pageSize == 1) pageSize = 65536;
        Set<String> seen = new TreeSet<>();
        long right = 0;
        long pairs = 0;
        for (int start = 0; start + pageSize <= file.length; start += pageSize) {
            int header = start == 0 ? 100 : 0;
            int type = file[start + header];
            // b-tree pages of indexes (WITHOUT ROWID tables keep whole rows in interior pages too) and tables
            if (type != 0x02 && type != 0x0A && type != 0x0D) continue;
            int pointers = start + header + (type == 0x02 ? 12 : 8);
            int cells = Short.toUnsignedInt(ByteBuffer.wrap(file, start + header + 3, 2).getShort());
            List<int[]> found = new ArrayList<>(); // {offset, submission index}
            TreeSet<Integer> offsets = new TreeSet<>();
            for (int i = 0; i < cells; i++) offsets.add(Short.toUnsignedInt(ByteBuffer.wrap(file, pointers + 2 * i, 2).getShort()));
            for (int offset : offsets) {
                // a cell ends where the next begins: read past it and the next cell's marker is taken for this one's
                Integer next = offsets.higher(offset);
                int end = Math.min(next == null ? pageSize : next, offset + 160);
                String cell = new String(file, start + offset, end - offset, StandardCharsets.ISO_8859_1);
                for (String p : mixed) {
                    if (cell.contains(comment(p)) || cell.contains(answerMarker(p))) {
                        seen.add(p);
                        found.add(new int[]{offset, people.indexOf(p)});
                        break;
                    }
                }
            }
            for (int a = 0; a < found.size(); a++) {
                for (int b = a + 1; b < found.size(); b++) {
                    if (found.get(a)[1] == found.get(b)[1]) continue;
                    pairs++;
                    if ((found.get(a)[0] > found.get(b)[0]) == (found.get(a)[1] < found.get(b)[1])) right++;
                }
            }
        }
        assertThat(seen).as("the attack finds every mixed person's cells").isEqualTo(mixed);
        assertThat(pairs).as("cell pairs compared").isPositive();
        return (double) right / pairs;
    }

}
