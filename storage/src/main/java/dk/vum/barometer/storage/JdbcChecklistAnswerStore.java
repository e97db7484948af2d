package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.ChecklistAnswer;
import dk.vum.barometer.core.model.ChecklistVerdict;
import dk.vum.barometer.core.store.ChecklistAnswerStore;

import java.time.Instant;
import java.util.List;

/** Checklist answers, appended; the generated id keeps their order. */
final class JdbcChecklistAnswerStore implements ChecklistAnswerStore {

    private final Jdbc jdbc;

    JdbcChecklistAnswerStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordAnswer(OrgId org, ChecklistAnswer a) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO checklist_answers (org, channel_id, area_number, answer, note, "
                        + "answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                org.value(), a.channelId(), a.areaNumber(), a.verdict(), a.note(), a.answeredBy(),
                a.answeredAt().toEpochMilli()));
    }

    @Override
    public List<ChecklistAnswer> answers(OrgId org, String channelId) {
        return jdbc.read(c -> Sql.list(c, "SELECT channel_id, area_number, answer, note, answered_by, answered_at "
                        + "FROM checklist_answers WHERE org = ? AND channel_id = ? ORDER BY id",
                rs -> new ChecklistAnswer(rs.getString("channel_id"), rs.getInt("area_number"),
                        ChecklistVerdict.valueOf(rs.getString("answer")), rs.getString("note"),
                        rs.getString("answered_by"), Instant.ofEpochMilli(rs.getLong("answered_at"))),
                org.value(), channelId));
    }
}
