package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.TranscriptStore;

import java.util.List;

/** The web chat's history. A replacement deletes the old entry and appends the new one with a fresh seq. */
final class JdbcTranscriptStore implements TranscriptStore {

    private final Jdbc jdbc;

    JdbcTranscriptStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload) {
        boolean[] replaced = {false};
        long seq = jdbc.write(c -> {
            if (replaceKey != null) {
                // two replacements of one message take turns, so the second deletes what the first wrote
                jdbc.dialect().lock(c, "transcript:" + org.value() + ":" + conversationId + ":" + replaceKey);
                replaced[0] = Sql.update(c, "DELETE FROM transcript WHERE org = ? AND conversation_id = ? AND replace_key = ?",
                        org.value(), conversationId, replaceKey) > 0;
            }
            return Sql.first(c, "INSERT INTO transcript (org, conversation_id, replace_key, payload) VALUES (?, ?, ?, ?) "
                    + "RETURNING seq", rs -> rs.getLong(1), org.value(), conversationId, replaceKey, payload).orElseThrow();
        });
        // A replaced message may have shown a respondent's answers (a question with its choice, the review):
        // scrub it from the files as a submitted draft is, so the final "thanks" leaves no trace behind it.
        if (replaced[0]) jdbc.scrubDeleted();
        return new TranscriptEntry(seq, conversationId, replaceKey, payload);
    }

    @Override
    public List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        return jdbc.read(c -> Sql.list(c, "SELECT seq, conversation_id, replace_key, payload FROM transcript "
                        + "WHERE org = ? AND conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new TranscriptEntry(rs.getLong("seq"), rs.getString("conversation_id"), rs.getString("replace_key"),
                        rs.getString("payload")),
                org.value(), conversationId, afterSeq, limit));
    }

    @Override
    public List<String> conversations(OrgId org) {
        return jdbc.read(c -> Sql.list(c, "SELECT DISTINCT conversation_id FROM transcript WHERE org = ? ORDER BY conversation_id",
                rs -> rs.getString("conversation_id"), org.value()));
    }
}
