package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OutboxMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measurements, their pinned content and their respondents. Status changes are compare-and-set
 * updates in the same transaction as the outbox rows they promise.
 */
final class JdbcMeasurementStore implements MeasurementStore {

    private static final String SELECT_MEASUREMENT = "SELECT number, name, stage, deadline, results_channel, "
            + "compare_with, status, auto_reminders, created_by, created_on, opened_on, min_scores, min_comments FROM measurements WHERE org = ?";
    private static final String SELECT_RESPONDENT = "SELECT measurement, user_id, role, status FROM respondents WHERE org = ?";

    private final Jdbc jdbc;
    private final Handover handover;

    JdbcMeasurementStore(Jdbc jdbc, Handover handover) {
        this.jdbc = jdbc;
        this.handover = handover;
    }

    @Override
    public void saveContent(String hash, String json) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO content (hash, json) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING",
                hash, json));
    }

    @Override
    public Optional<String> content(String hash) {
        return jdbc.read(c -> Sql.first(c, "SELECT json FROM content WHERE hash = ?", rs -> rs.getString("json"), hash));
    }

    /** Racing creations take turns on a lock named for the organisation, so each gets its own number. */
    @Override
    public Measurement createMeasurement(NewMeasurement m) {
        String org = m.org().value();
        return jdbc.write(c -> {
            jdbc.dialect().lock(c, "measurements:" + org);
            int number = Sql.first(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM measurements WHERE org = ?",
                    rs -> rs.getInt(1), org).orElseThrow();
            Sql.update(c, "INSERT INTO measurements (org, number, name, stage, deadline, results_channel, compare_with, "
                            + "status, auto_reminders, created_by, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    org, number, m.name(), m.stage(), m.deadline(), m.resultsChannel(), m.compareWith(),
                    MeasurementStatus.DRAFT, m.createdBy(), m.createdOn());
            List<Object[]> pinned = new ArrayList<>();
            m.contentHashes().forEach((audience, hash) -> pinned.add(new Object[]{org, number, audience, hash}));
            Sql.batch(c, "INSERT INTO measurement_content (org, measurement, audience, content_hash) VALUES (?, ?, ?, ?)", pinned);
            return new Measurement(m.org(), number, m.name(), m.stage(), m.deadline(), m.resultsChannel(),
                    m.compareWith(), m.contentHashes(), MeasurementStatus.DRAFT, 0, m.createdBy(), m.createdOn(), null, null);
        });
    }

    @Override
    public Optional<Measurement> measurement(OrgId org, int number) {
        return jdbc.read(c -> {
            Map<Integer, Map<Audience, String>> pinned = pinnedContent(c, org, number);
            return Sql.first(c, SELECT_MEASUREMENT + " AND number = ?", rs -> measurement(org, rs, pinned),
                    org.value(), number);
        });
    }

    @Override
    public List<Measurement> measurements(OrgId org) {
        return jdbc.read(c -> {
            Map<Integer, Map<Audience, String>> pinned = pinnedContent(c, org, null);
            return Sql.list(c, SELECT_MEASUREMENT + " ORDER BY number DESC", rs -> measurement(org, rs, pinned),
                    org.value());
        });
    }

    /** Adds nothing to a measurement that is closed or does not exist. */
    @Override
    public List<String> addRespondents(OrgId org, int measurement, Map<String, RespondentRole> respondents,
                                       List<OutboxMessage> invitations) {
        requireOrg(org, invitations);
        return jdbc.write(c -> {
            // shared with other additions, submissions and draft saves; opening and closing wait for it
            Optional<MeasurementStatus> status = Sql.first(c, "SELECT status FROM measurements WHERE org = ? AND number = ?"
                            + jdbc.dialect().rowLocks("FOR SHARE"),
                    rs -> MeasurementStatus.valueOf(rs.getString("status")), org.value(), measurement);
            if (status.isEmpty() || status.get() == MeasurementStatus.CLOSED) return List.of();
            boolean open = status.get() == MeasurementStatus.OPEN;
            List<String> added = new ArrayList<>();
            for (Map.Entry<String, RespondentRole> r : new TreeMap<>(respondents).entrySet()) {
                int inserted = Sql.update(c, "INSERT INTO respondents (org, measurement, user_id, role, status) "
                                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (org, measurement, user_id) DO NOTHING",
                        org.value(), measurement, r.getKey(), r.getValue(),
                        open ? RespondentStatus.INVITED : RespondentStatus.REGISTERED);
                if (inserted == 1) added.add(r.getKey());
            }
            if (open) {
                JdbcOutboxStore.enqueue(c, invitations.stream().filter(i -> added.contains(i.destinationId())).toList());
            }
            return added;
        });
    }

    @Override
    public List<Respondent> respondents(OrgId org, int measurement) {
        return jdbc.read(c -> Sql.list(c, SELECT_RESPONDENT + " AND measurement = ? ORDER BY user_id",
                rs -> respondent(org, rs), org.value(), measurement));
    }

    @Override
    public Optional<Respondent> respondent(OrgId org, int measurement, String userId) {
        return jdbc.read(c -> Sql.first(c, SELECT_RESPONDENT + " AND measurement = ? AND user_id = ?",
                rs -> respondent(org, rs), org.value(), measurement, userId));
    }

    @Override
    public List<Respondent> openQuestionnaires(OrgId org, String userId) {
        return jdbc.read(c -> Sql.list(c, SELECT_RESPONDENT + " AND user_id = ? AND status <> ? AND measurement IN "
                        + "(SELECT number FROM measurements WHERE org = ? AND status = ?) ORDER BY measurement",
                rs -> respondent(org, rs), org.value(), userId, RespondentStatus.SUBMITTED, org.value(),
                MeasurementStatus.OPEN));
    }

    /** One entry per report group, in the order of {@link ReportGroup}, including empty groups. */
    @Override
    public List<ResponseCounts> responseCounts(OrgId org, int measurement) {
        Map<ReportGroup, int[]> counts = new EnumMap<>(ReportGroup.class);
        for (ReportGroup g : ReportGroup.values()) counts.put(g, new int[2]);
        List<Respondent> all = respondents(org, measurement);
        for (Respondent r : all) {
            int[] c = counts.get(r.role().group());
            c[0]++;
            if (r.status() == RespondentStatus.SUBMITTED) c[1]++;
        }
        List<ResponseCounts> result = new ArrayList<>();
        counts.forEach((group, c) -> result.add(new ResponseCounts(group, c[0], c[1])));
        return result;
    }

    @Override
    public boolean open(OrgId org, int measurement, LocalDate openedOn, OrgSettings thresholds,
                        List<OutboxMessage> invitations) {
        requireOrg(org, invitations);
        return jdbc.write(c -> {
            if (!changeStatus(c, org, measurement, MeasurementStatus.DRAFT, MeasurementStatus.OPEN)) return false;
            Sql.update(c, "UPDATE measurements SET opened_on = ?, min_scores = ?, min_comments = ? WHERE org = ? AND number = ?",
                    openedOn, thresholds.minGroupForScores(), thresholds.minGroupForComments(), org.value(), measurement);
            Sql.update(c, "UPDATE respondents SET status = ? WHERE org = ? AND measurement = ? AND status = ?",
                    RespondentStatus.INVITED, org.value(), measurement, RespondentStatus.REGISTERED);
            JdbcOutboxStore.enqueue(c, invitations);
            return true;
        });
    }

    /**
     * First turns whatever submissions still wait into responses (a sealing store's last batch), then
     * deletes the drafts nobody submitted: they can no longer count, and they are answers linked to a
     * person. One transaction: a sealed submission is never deleted unmixed. Submissions and draft saves
     * under way finish first (they hold the measurement's row); later ones find the round closed.
     */
    @Override
    public boolean close(OrgId org, int measurement) {
        boolean closed = jdbc.write(c -> {
            if (!changeStatus(c, org, measurement, MeasurementStatus.OPEN, MeasurementStatus.CLOSED)) return false;
            handover.closing(c, org, measurement);
            Sql.update(c, "DELETE FROM drafts WHERE org = ? AND measurement = ?", org.value(), measurement);
            return true;
        });
        if (closed) jdbc.scrubDeleted();
        return closed;
    }

    @Override
    public boolean rename(OrgId org, int measurement, String name) {
        return jdbc.write(c -> Sql.update(c, "UPDATE measurements SET name = ? WHERE org = ? AND number = ? AND status = ?",
                name, org.value(), measurement, MeasurementStatus.DRAFT) == 1);
    }

    @Override
    public boolean deleteDraft(OrgId org, int measurement) {
        return jdbc.write(c -> {
            if (Sql.first(c, "SELECT status FROM measurements WHERE org = ? AND number = ? AND status = ?"
                    + jdbc.dialect().rowLocks("FOR UPDATE"), rs -> 1, org.value(), measurement, MeasurementStatus.DRAFT).isEmpty()) {
                return false;
            }
            Sql.update(c, "DELETE FROM respondents WHERE org = ? AND measurement = ?", org.value(), measurement);
            Sql.update(c, "DELETE FROM measurement_content WHERE org = ? AND measurement = ?", org.value(), measurement);
            return Sql.update(c, "DELETE FROM measurements WHERE org = ? AND number = ? AND status = ?",
                    org.value(), measurement, MeasurementStatus.DRAFT) == 1;
        });
    }

    @Override
    public boolean removeRespondent(OrgId org, int measurement, String userId) {
        return jdbc.write(c -> Sql.update(c, "DELETE FROM respondents WHERE org = ? AND measurement = ? AND user_id = ? "
                        + "AND measurement IN (SELECT number FROM measurements WHERE org = ? AND status = ?)",
                org.value(), measurement, userId, org.value(), MeasurementStatus.DRAFT) == 1);
    }

    @Override
    public boolean changeDeadline(OrgId org, int measurement, LocalDate deadline) {
        return jdbc.write(c -> Sql.update(c, "UPDATE measurements SET deadline = ? WHERE org = ? AND number = ? AND status <> ?",
                deadline, org.value(), measurement, MeasurementStatus.CLOSED) == 1);
    }

    @Override
    public boolean recordAutomaticReminder(OrgId org, int measurement, int expectedSent, int newSent,
                                           List<OutboxMessage> reminders) {
        if (newSent <= expectedSent || newSent > 2) throw new IllegalArgumentException("reminder count must grow, to at most 2");
        requireOrg(org, reminders);
        return jdbc.write(c -> {
            int recorded = Sql.update(c, "UPDATE measurements SET auto_reminders = ? "
                            + "WHERE org = ? AND number = ? AND status = ? AND auto_reminders = ?",
                    newSent, org.value(), measurement, MeasurementStatus.OPEN, expectedSent);
            if (recorded == 0) return false;
            JdbcOutboxStore.enqueue(c, reminders);
            return true;
        });
    }

    /** The minimums pinned when the round opened (columns min_scores, min_comments), or null while DRAFT. */
    static OrgSettings thresholds(ResultSet rs) throws SQLException {
        Integer scores = Sql.nullableInt(rs, "min_scores");
        Integer comments = Sql.nullableInt(rs, "min_comments");
        return scores == null || comments == null ? null : new OrgSettings(scores, comments);
    }

    private static boolean changeStatus(Connection c, OrgId org, int measurement, MeasurementStatus from,
                                        MeasurementStatus to) throws SQLException {
        return Sql.update(c, "UPDATE measurements SET status = ? WHERE org = ? AND number = ? AND status = ?",
                to, org.value(), measurement, from) == 1;
    }

    /** Messages queued with a state change must belong to the organisation whose state changes. */
    private static void requireOrg(OrgId org, List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (!m.org().equals(org)) throw new IllegalArgumentException("message for another organisation");
        }
    }

    /** The organisation's pinned content by measurement number (a few rows per measurement). */
    /** The content hashes pinned by one measurement ({@code number}), or by all of the organisation's (null). */
    private static Map<Integer, Map<Audience, String>> pinnedContent(Connection c, OrgId org, Integer number) throws SQLException {
        Map<Integer, Map<Audience, String>> pinned = new HashMap<>();
        String sql = "SELECT measurement, audience, content_hash FROM measurement_content WHERE org = ?"
                + (number == null ? "" : " AND measurement = ?");
        Object[] params = number == null ? new Object[]{org.value()} : new Object[]{org.value(), number};
        for (Pinned p : Sql.list(c, sql,
                rs -> new Pinned(rs.getInt("measurement"), Audience.valueOf(rs.getString("audience")),
                        rs.getString("content_hash")),
                params)) {
            pinned.computeIfAbsent(p.measurement(), n -> new EnumMap<>(Audience.class)).put(p.audience(), p.hash());
        }
        return pinned;
    }

    private record Pinned(int measurement, Audience audience, String hash) {
    }

    private static Measurement measurement(OrgId org, ResultSet rs, Map<Integer, Map<Audience, String>> pinned)
            throws SQLException {
        int number = rs.getInt("number");
        return new Measurement(org, number, rs.getString("name"), Stage.valueOf(rs.getString("stage")),
                Sql.date(rs, "deadline"), rs.getString("results_channel"), Sql.nullableInt(rs, "compare_with"),
                pinned.getOrDefault(number, Map.of()), MeasurementStatus.valueOf(rs.getString("status")),
                rs.getInt("auto_reminders"), rs.getString("created_by"), Sql.date(rs, "created_on"),
                Sql.date(rs, "opened_on"), thresholds(rs));
    }

    private static Respondent respondent(OrgId org, ResultSet rs) throws SQLException {
        return new Respondent(org, rs.getInt("measurement"), rs.getString("user_id"),
                RespondentRole.valueOf(rs.getString("role")), RespondentStatus.valueOf(rs.getString("status")));
    }
}
