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
import dk.vum.barometer.core.store.ResponseStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafts and anonymous responses. A submission becomes a response with a random id (a
 * {@link UUID#randomUUID() SecureRandom UUID}) and the report group, no time; its comments get
 * random ids of their own and no link to the response. The draft is deleted in the same
 * transaction and then scrubbed from the database files; the respondent keeps nothing but
 * SUBMITTED. Nothing here logs.
 */
final class JdbcResponseStore implements ResponseStore {

    private final Jdbc jdbc;

    JdbcResponseStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Draft> draft(OrgId org, int measurement, String userId) {
        return jdbc.read(c -> Sql.first(c, "SELECT state, version FROM drafts WHERE org = ? AND measurement = ? AND user_id = ?",
                rs -> new Draft(rs.getString("state"), rs.getLong("version")), org.value(), measurement, userId));
    }

    /** A saved draft's version is {@code expectedVersion + 1}. */
    @Override
    public boolean saveDraft(OrgId org, int measurement, String userId, String state, long expectedVersion) {
        return jdbc.write(c -> {
            Optional<Registration> r = registration(c, org, measurement, userId);
            if (r.isEmpty() || r.get().respondent() == RespondentStatus.SUBMITTED
                    || r.get().measurement() != MeasurementStatus.OPEN) {
                return false;
            }
            if (expectedVersion == 0) {
                return Sql.update(c, "INSERT INTO drafts (org, measurement, user_id, state, version) VALUES (?, ?, ?, ?, 1) "
                        + "ON CONFLICT (org, measurement, user_id) DO NOTHING", org.value(), measurement, userId, state) == 1;
            }
            return Sql.update(c, "UPDATE drafts SET state = ?, version = version + 1 "
                            + "WHERE org = ? AND measurement = ? AND user_id = ? AND version = ?",
                    state, org.value(), measurement, userId, expectedVersion) == 1;
        });
    }

    /** Refuses, with an exception and no change, answers filed under a group that is not the respondent's. */
    @Override
    public SubmitResult submit(OrgId org, int measurement, String userId, Submission submission) {
        SubmitResult result = jdbc.write(c -> {
            Optional<Registration> r = registration(c, org, measurement, userId);
            if (r.isEmpty()) return SubmitResult.NOT_RESPONDENT;
            if (r.get().respondent() == RespondentStatus.SUBMITTED) return SubmitResult.ALREADY_SUBMITTED;
            if (r.get().measurement() != MeasurementStatus.OPEN) return SubmitResult.NOT_OPEN;
            if (r.get().role().group() != submission.group()) {
                throw new IllegalArgumentException("submission group differs from the respondent's group");
            }
            store(c, org, measurement, submission);
            Sql.update(c, "DELETE FROM drafts WHERE org = ? AND measurement = ? AND user_id = ?",
                    org.value(), measurement, userId);
            Sql.update(c, "UPDATE respondents SET status = ? WHERE org = ? AND measurement = ? AND user_id = ?",
                    RespondentStatus.SUBMITTED, org.value(), measurement, userId);
            return SubmitResult.ACCEPTED;
        });
        if (result == SubmitResult.ACCEPTED) jdbc.scrubDeleted();
        return result;
    }

    @Override
    public List<StoredResponse> responses(OrgId org, int measurement) {
        List<AnswerRow> rows = jdbc.read(c -> Sql.list(c,
                "SELECT r.id, r.report_group, r.content_hash, a.item_id, a.value FROM responses r "
                        + "LEFT JOIN answers a ON a.org = r.org AND a.measurement = r.measurement AND a.response_id = r.id "
                        + "WHERE r.org = ? AND r.measurement = ? ORDER BY r.id",
                rs -> new AnswerRow(rs.getString("id"), ReportGroup.valueOf(rs.getString("report_group")),
                        rs.getString("content_hash"), rs.getString("item_id"), rs.getInt("value")),
                org.value(), measurement));
        Map<String, AnswerRow> heads = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> answers = new HashMap<>();
        for (AnswerRow row : rows) {
            heads.putIfAbsent(row.responseId(), row);
            Map<String, Integer> of = answers.computeIfAbsent(row.responseId(), id -> new HashMap<>());
            if (row.itemId() != null) of.put(row.itemId(), row.value());
        }
        List<StoredResponse> responses = new ArrayList<>();
        heads.forEach((id, head) -> responses.add(new StoredResponse(head.group(), head.contentHash(), answers.get(id))));
        return responses;
    }

    /** Ordered by theme, then by random id: never by the order of submission. */
    @Override
    public List<StoredComment> comments(OrgId org, int measurement) {
        return jdbc.read(c -> Sql.list(c,
                "SELECT report_group, theme_id, text FROM comments WHERE org = ? AND measurement = ? ORDER BY theme_id, id",
                rs -> new StoredComment(ReportGroup.valueOf(rs.getString("report_group")), rs.getString("theme_id"),
                        rs.getString("text")),
                org.value(), measurement));
    }

    private static void store(Connection c, OrgId org, int measurement, Submission submission) throws SQLException {
        String responseId = UUID.randomUUID().toString();
        Sql.update(c, "INSERT INTO responses (org, measurement, id, report_group, content_hash) "
                        + "VALUES (?, ?, ?, ?, ?)",
                org.value(), measurement, responseId, submission.group(), submission.contentHash());
        List<Object[]> answers = new ArrayList<>();
        submission.answers().forEach((item, value) -> answers.add(new Object[]{org.value(), measurement, responseId, item, value}));
        Sql.batch(c, "INSERT INTO answers (org, measurement, response_id, item_id, value) VALUES (?, ?, ?, ?, ?)", answers);
        List<Object[]> comments = new ArrayList<>();
        submission.comments().forEach((theme, text) -> comments.add(new Object[]{
                org.value(), measurement, UUID.randomUUID().toString(), submission.group(), theme, text}));
        Sql.batch(c, "INSERT INTO comments (org, measurement, id, report_group, theme_id, text) VALUES (?, ?, ?, ?, ?, ?)",
                comments);
    }

    private static Optional<Registration> registration(Connection c, OrgId org, int measurement, String userId)
            throws SQLException {
        return Sql.first(c, "SELECT r.role, r.status, m.status AS measurement_status FROM respondents r "
                        + "JOIN measurements m ON m.org = r.org AND m.number = r.measurement "
                        + "WHERE r.org = ? AND r.measurement = ? AND r.user_id = ?",
                rs -> new Registration(RespondentRole.valueOf(rs.getString("role")),
                        RespondentStatus.valueOf(rs.getString("status")),
                        MeasurementStatus.valueOf(rs.getString("measurement_status"))),
                org.value(), measurement, userId);
    }

    private record Registration(RespondentRole role, RespondentStatus respondent, MeasurementStatus measurement) {
    }

    private record AnswerRow(String responseId, ReportGroup group, String contentHash, String itemId, int value) {
    }
}
