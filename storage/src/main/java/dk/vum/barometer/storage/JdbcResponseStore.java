package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.DraftTooLargeException;
import dk.vum.barometer.core.store.ResponseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts and anonymous responses. An accepted submission deletes the draft and leaves the respondent
 * with nothing but SUBMITTED; its {@link Handover} seals it for mixing. A draft is kept encrypted with its
 * version inside the ciphertext; the version column holds a keyed hash of it for the compare-and-set
 * ({@link DraftCipher}). Reads and writes of one respondent take turns on the respondent's and the
 * measurement's rows, so a draft save, a submission and the close of the round never cross. Nothing here logs
 * a person: the one warning (an old draft too large to re-encode at start) names only the measurement.
 */
final class JdbcResponseStore implements ResponseStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcResponseStore.class);
    /** How often a measurement's responses and answers are read again when the two reads did not match. */
    private static final int READ_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final DraftCipher cipher;
    private final Handover handover;
    private final ClosedResponses closedResponses = new ClosedResponses();

    JdbcResponseStore(Jdbc jdbc, AnonymityAtRest atRest) {
        this.jdbc = jdbc;
        this.cipher = atRest.cipher;
        this.handover = atRest.handover;
    }

    @Override
    public Optional<Draft> draft(OrgId org, int measurement, String userId) {
        DraftOwner owner = new DraftOwner(org, measurement, userId);
        return jdbc.read(c -> Sql.first(c, "SELECT state FROM drafts WHERE org = ? AND measurement = ? AND user_id = ?",
                rs -> cipher.decodeDraft(owner, rs, "state"), org.value(), measurement, userId));
    }

    /**
     * Rewrites drafts kept by earlier versions (plain text on SQLite; ciphertext with the version in the
     * clear on PostgreSQL) the way drafts are kept now. Runs once at start; returns how many it rewrote.
     */
    int upgradeOldDrafts() {
        int upgraded = jdbc.write(c -> {
            List<Object[]> rows = new ArrayList<>();
            for (OldDraft d : Sql.list(c, "SELECT org, measurement, user_id, state, version FROM drafts",
                    rs -> new OldDraft(new DraftOwner(new OrgId(rs.getString("org")), rs.getInt("measurement"),
                            rs.getString("user_id")), rs.getObject("state"), rs.getLong("version")))) {
                String state = d.state() instanceof String plain ? plain
                        : d.state() instanceof byte[] b && b.length > 0 && b[0] == DraftCipher.FORMAT_BLOCKS
                        ? cipher.decodeOldDraft(d.owner(), b) : null;
                if (state == null) continue;
                byte[] column;
                try {
                    column = cipher.encodeDraft(d.owner(), state, d.version());
                } catch (DraftTooLargeException e) {
                    // older formats allowed more; such a draft stays as it is (still read) rather than stop the start
                    LOG.warn("a draft of measurement {} does not fit the current padded size; it is kept in its old format",
                            d.owner().measurement());
                    continue;
                }
                rows.add(new Object[]{column, cipher.versionTag(d.owner(), d.version()), d.owner().org().value(),
                        d.owner().measurement(), d.owner().userId()});
            }
            Sql.batch(c, "UPDATE drafts SET state = ?, version = ? WHERE org = ? AND measurement = ? AND user_id = ?", rows);
            return rows.size();
        });
        if (upgraded > 0) jdbc.scrubDeleted();
        return upgraded;
    }

    @Override
    public List<String> drafting(OrgId org, int measurement) {
        return jdbc.read(c -> Sql.list(c, "SELECT user_id FROM drafts WHERE org = ? AND measurement = ?",
                rs -> rs.getString("user_id"), org.value(), measurement));
    }

    /** A saved draft's version is {@code expectedVersion + 1}. */
    @Override
    public boolean saveDraft(OrgId org, int measurement, String userId, String state, long expectedVersion) {
        DraftOwner owner = new DraftOwner(org, measurement, userId);
        byte[] column = cipher.encodeDraft(owner, state, expectedVersion + 1); // refuses a draft too large before any write
        return jdbc.write(c -> {
            Optional<Registration> r = registration(c, owner, "FOR SHARE OF r, m");
            if (r.isEmpty() || r.get().respondent() == RespondentStatus.SUBMITTED
                    || r.get().measurement() != MeasurementStatus.OPEN) {
                return false;
            }
            long tag = cipher.versionTag(owner, expectedVersion + 1);
            if (expectedVersion == 0) {
                return Sql.update(c, "INSERT INTO drafts (org, measurement, user_id, state, version) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (org, measurement, user_id) DO NOTHING", org.value(), measurement, userId, column, tag) == 1;
            }
            return Sql.update(c, "UPDATE drafts SET state = ?, version = ? "
                            + "WHERE org = ? AND measurement = ? AND user_id = ? AND version = ?",
                    column, tag, org.value(), measurement, userId, cipher.versionTag(owner, expectedVersion)) == 1;
        });
    }

    /** Refuses, with an exception and no change, answers filed under a group that is not the respondent's. */
    @Override
    public SubmitResult submit(OrgId org, int measurement, String userId, Submission submission) {
        DraftOwner owner = new DraftOwner(org, measurement, userId);
        SubmitResult result = jdbc.write(c -> {
            Optional<Registration> r = registration(c, owner, "FOR NO KEY UPDATE OF r FOR SHARE OF m");
            if (r.isEmpty()) return SubmitResult.NOT_RESPONDENT;
            if (r.get().respondent() == RespondentStatus.SUBMITTED) return SubmitResult.ALREADY_SUBMITTED;
            if (r.get().measurement() != MeasurementStatus.OPEN) return SubmitResult.NOT_OPEN;
            if (r.get().role().group() != submission.group()) {
                throw new IllegalArgumentException("submission group differs from the respondent's group");
            }
            handover.accept(c, owner, submission);
            Sql.update(c, "DELETE FROM drafts WHERE org = ? AND measurement = ? AND user_id = ?",
                    org.value(), measurement, userId);
            Sql.update(c, "UPDATE respondents SET status = ? WHERE org = ? AND measurement = ? AND user_id = ?",
                    RespondentStatus.SUBMITTED, org.value(), measurement, userId);
            return SubmitResult.ACCEPTED;
        });
        if (result == SubmitResult.ACCEPTED) jdbc.scrubDeleted();
        return result;
    }

    /** After a mix, what it deleted and rewrote is scrubbed from the files (where the database can). */
    @Override
    public int mixSealed() {
        int mixed = handover.mixDue(jdbc);
        if (mixed > 0) jdbc.scrubDeleted();
        return mixed;
    }

    /**
     * Read in one pass over the rows (grouped by response); item ids and content hashes are shared
     * between responses. A closed measurement's responses are kept ({@link ClosedResponses}).
     */
    @Override
    public List<StoredResponse> responses(OrgId org, int measurement) {
        return jdbc.read(c -> {
            Optional<ClosedResponses.Fingerprint> closed = Sql.first(c,
                    "SELECT m.status, COUNT(r.id), MIN(r.id), MAX(r.id) FROM measurements m LEFT JOIN responses r "
                            + "ON r.org = m.org AND r.measurement = m.number WHERE m.org = ? AND m.number = ? GROUP BY m.status",
                    rs -> MeasurementStatus.valueOf(rs.getString(1)) == MeasurementStatus.CLOSED
                            ? new ClosedResponses.Fingerprint(rs.getInt(2), rs.getString(3), rs.getString(4)) : null,
                    org.value(), measurement);
            Optional<List<StoredResponse>> kept = closed.flatMap(f -> closedResponses.get(org, measurement, f));
            if (kept.isPresent()) return kept.get();
            List<StoredResponse> responses = responses(c, org, measurement);
            closed.ifPresent(f -> closedResponses.put(org, measurement, f, responses));
            return responses;
        });
    }

    /**
     * A measurement's responses with their answers, in the order of their random ids. Two range reads by
     * primary key, joined here: a join in SQL is at the planner's mercy, and PostgreSQL without statistics
     * (before the first analyse after a close) chose a nested loop that read every answer per response.
     * Outside a transaction the two reads may see different moments (a mix in between rewrites every row
     * under new ids), and every response has answers: so they are read again until they match.
     */
    static List<StoredResponse> responses(Connection c, OrgId org, int measurement) throws SQLException {
        Map<String, String> shared = new HashMap<>();
        for (int attempt = 1; ; attempt++) {
            Map<String, Map<String, Integer>> answers = answers(c, org, measurement, shared);
            List<String> unmatched = new ArrayList<>();
            List<StoredResponse> responses = Sql.list(c,
                    "SELECT id, report_group, content_hash FROM responses WHERE org = ? AND measurement = ? ORDER BY id",
                    rs -> {
                        Map<String, Integer> own = answers.get(rs.getString(1));
                        if (own == null) unmatched.add(rs.getString(1));
                        return new StoredResponse(ReportGroup.valueOf(rs.getString(2)), shared.computeIfAbsent(rs.getString(3), h -> h),
                                own == null ? Map.of() : own);
                    },
                    org.value(), measurement);
            if (unmatched.isEmpty() || attempt == READ_ATTEMPTS) return responses;
        }
    }

    private static Map<String, Map<String, Integer>> answers(Connection c, OrgId org, int measurement, Map<String, String> shared)
            throws SQLException {
        Map<String, Map<String, Integer>> answers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT response_id, item_id, value FROM answers WHERE org = ? AND measurement = ?")) {
            ps.setString(1, org.value());
            ps.setInt(2, measurement);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                            .put(shared.computeIfAbsent(rs.getString(2), item -> item), rs.getInt(3));
                }
            }
        }
        return answers;
    }

    /** Ordered by theme, then by random id: never by the order of submission. */
    @Override
    public List<StoredComment> comments(OrgId org, int measurement) {
        return jdbc.read(c -> comments(c, org, measurement));
    }

    static List<StoredComment> comments(Connection c, OrgId org, int measurement) throws SQLException {
        return Sql.list(c,
                "SELECT report_group, theme_id, text FROM comments WHERE org = ? AND measurement = ? ORDER BY theme_id, id",
                rs -> new StoredComment(ReportGroup.valueOf(rs.getString("report_group")), rs.getString("theme_id"),
                        rs.getString("text")),
                org.value(), measurement);
    }

    /** The respondent and the state of their round, read under the given row locks. */
    private Optional<Registration> registration(Connection c, DraftOwner owner, String locks) throws SQLException {
        return Sql.first(c, "SELECT r.role, r.status, m.status AS measurement_status FROM respondents r "
                        + "JOIN measurements m ON m.org = r.org AND m.number = r.measurement "
                        + "WHERE r.org = ? AND r.measurement = ? AND r.user_id = ?" + jdbc.dialect().rowLocks(locks),
                rs -> new Registration(RespondentRole.valueOf(rs.getString("role")),
                        RespondentStatus.valueOf(rs.getString("status")),
                        MeasurementStatus.valueOf(rs.getString("measurement_status"))),
                owner.org().value(), owner.measurement(), owner.userId());
    }

    private record Registration(RespondentRole role, RespondentStatus respondent, MeasurementStatus measurement) {
    }

    /** @param state a String (plain, SQLite) or the bytes of format 1 (PostgreSQL), as earlier versions kept it */
    private record OldDraft(DraftOwner owner, Object state, long version) {
    }
}
