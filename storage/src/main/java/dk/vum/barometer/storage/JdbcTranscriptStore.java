package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.TranscriptStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web chat's history. A replacement overwrites its entry and keeps its seq: a fresh seq per click would
 * order people by their last click, which for a finished questionnaire is the moment they submitted.
 * Every payload is encrypted with the store's key and padded to one size (see
 * {@link DraftCipher#encodeTranscript}): a person's questionnaire message shows their answers, and no copy
 * of the files may show them, nor a size tell a question from the review or the thanks.
 */
final class JdbcTranscriptStore implements TranscriptStore {

    private static final String SELECT = "SELECT seq, conversation_id, replace_key, payload FROM transcript "
            + "WHERE org = ? AND conversation_id = ? ";

    private final Jdbc jdbc;
    private final DraftCipher cipher;

    JdbcTranscriptStore(Jdbc jdbc, DraftCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload) {
        String sealed = cipher.encodeTranscript(owner(org, conversationId), payload);
        long seq = jdbc.write(c -> {
            if (replaceKey != null) {
                // two replacements of one message take turns, so the second overwrites what the first wrote
                jdbc.dialect().lock(c, "transcript:" + org.value() + ":" + conversationId + ":" + replaceKey);
                Optional<Long> kept = Sql.first(c, "UPDATE transcript SET payload = ? "
                                + "WHERE org = ? AND conversation_id = ? AND replace_key = ? RETURNING seq",
                        rs -> rs.getLong(1), sealed, org.value(), conversationId, replaceKey);
                if (kept.isPresent()) return kept.get();
            }
            return insert(c, org, conversationId, replaceKey, sealed);
        });
        // What a replacement leaves in free pages or the WAL is ciphertext: no scrub (nor checkpoint) per click.
        return new TranscriptEntry(seq, conversationId, replaceKey, payload);
    }

    @Override
    public TranscriptEntry repost(OrgId org, String conversationId, String replaceKey, String payload) {
        String sealed = cipher.encodeTranscript(owner(org, conversationId), payload);
        long seq = jdbc.write(c -> {
            jdbc.dialect().lock(c, "transcript:" + org.value() + ":" + conversationId + ":" + replaceKey);
            Sql.update(c, "DELETE FROM transcript WHERE org = ? AND conversation_id = ? AND replace_key = ?",
                    org.value(), conversationId, replaceKey);
            return insert(c, org, conversationId, replaceKey, sealed);
        });
        return new TranscriptEntry(seq, conversationId, replaceKey, payload);
    }

    private static long insert(Connection c, OrgId org, String conversationId, String replaceKey, String sealed)
            throws SQLException {
        return Sql.first(c, "INSERT INTO transcript (org, conversation_id, replace_key, payload) VALUES (?, ?, ?, ?) "
                + "RETURNING seq", rs -> rs.getLong(1), org.value(), conversationId, replaceKey, sealed).orElseThrow();
    }

    /**
     * Encrypts the messages a store of an earlier version kept in the clear (JSON; ciphertext is base64,
     * which never starts with a brace), and scrubs their old text from the files. Returns how many.
     */
    int encryptOldMessages() {
        int encrypted = jdbc.write(c -> {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : Sql.list(c, "SELECT seq, org, conversation_id, payload FROM transcript WHERE payload LIKE '{%'",
                    rs -> new Object[]{rs.getLong("seq"), rs.getString("org"), rs.getString("conversation_id"),
                            rs.getString("payload")})) {
                DraftOwner owner = owner(new OrgId((String) row[1]), (String) row[2]);
                rows.add(new Object[]{cipher.encodeTranscript(owner, (String) row[3]), row[0]});
            }
            Sql.batch(c, "UPDATE transcript SET payload = ? WHERE seq = ?", rows);
            return rows.size();
        });
        if (encrypted > 0) jdbc.scrubDeleted();
        return encrypted;
    }

    @Override
    public List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        return jdbc.read(c -> {
            List<TranscriptEntry> entries = new ArrayList<>(Sql.list(c, SELECT
                            + "AND seq <= ? AND replace_key IS NOT NULL ORDER BY seq",
                    rs -> entry(org, rs), org.value(), conversationId, afterSeq));
            entries.addAll(Sql.list(c, SELECT + "AND seq > ? ORDER BY seq LIMIT ?",
                    rs -> entry(org, rs), org.value(), conversationId, afterSeq, limit));
            return entries;
        });
    }

    private TranscriptEntry entry(OrgId org, ResultSet rs) throws SQLException {
        String conversationId = rs.getString("conversation_id");
        return new TranscriptEntry(rs.getLong("seq"), conversationId, rs.getString("replace_key"),
                cipher.decodeTranscript(owner(org, conversationId), rs.getString("payload")));
    }

    @Override
    public List<String> conversations(OrgId org) {
        return jdbc.read(c -> Sql.list(c, "SELECT DISTINCT conversation_id FROM transcript WHERE org = ? ORDER BY conversation_id",
                rs -> rs.getString("conversation_id"), org.value()));
    }

    /** Binds a payload to its conversation: copied into another row it does not decrypt. */
    private static DraftOwner owner(OrgId org, String conversationId) {
        return new DraftOwner(org, 0, conversationId);
    }
}
