package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Writes submissions as anonymous rows: each response under a random id (a {@link UUID#randomUUID()
 * SecureRandom UUID}) with its group and pinned content only; each comment under a random id of its own
 * with no link to its response. Responses, then answers, then comments are written as three batches,
 * the responses and the comments each in a random order of their own, so that neither the physical order
 * of the rows nor the order of the statements in the transaction (PostgreSQL's {@code ctid} and
 * {@code cmin}) follows the order in which the submissions came, or ties a comment to its response.
 */
final class AnonymousResponses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AnonymousResponses() {
    }

    static void insert(Connection c, OrgId org, int measurement, List<Submission> submissions) throws SQLException {
        List<StoredResponse> responses = new ArrayList<>();
        List<StoredComment> comments = new ArrayList<>();
        for (Submission s : submissions) {
            responses.add(new StoredResponse(s.group(), s.contentHash(), s.answers()));
            s.comments().forEach((theme, text) -> comments.add(new StoredComment(s.group(), theme, text)));
        }
        write(c, org, measurement, responses, comments);
    }

    /**
     * Deletes the measurement's anonymous rows and writes them again, in a fresh random order under fresh
     * ids, so that where they lie in the file follows no order of writing (see {@link SealedHandover}).
     */
    static void rewrite(Connection c, OrgId org, int measurement) throws SQLException {
        List<StoredResponse> responses = JdbcResponseStore.responses(c, org, measurement);
        List<StoredComment> comments = JdbcResponseStore.comments(c, org, measurement);
        for (String table : List.of("answers", "responses", "comments")) {
            Sql.update(c, "DELETE FROM " + table + " WHERE org = ? AND measurement = ?", org.value(), measurement);
        }
        write(c, org, measurement, responses, comments);
    }

    private static void write(Connection c, OrgId org, int measurement, List<StoredResponse> responses,
                              List<StoredComment> comments) throws SQLException {
        List<Object[]> responseRows = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        for (StoredResponse r : shuffled(responses)) {
            String responseId = UUID.randomUUID().toString();
            responseRows.add(new Object[]{org.value(), measurement, responseId, r.group(), r.contentHash()});
            r.answers().forEach((item, value) -> answerRows.add(new Object[]{org.value(), measurement, responseId, item, value}));
        }
        List<Object[]> commentRows = new ArrayList<>();
        for (StoredComment comment : shuffled(comments)) {
            commentRows.add(new Object[]{org.value(), measurement, UUID.randomUUID().toString(), comment.group(),
                    comment.themeId(), comment.text()});
        }
        Sql.batch(c, "INSERT INTO responses (org, measurement, id, report_group, content_hash) VALUES (?, ?, ?, ?, ?)",
                responseRows);
        Sql.batch(c, "INSERT INTO answers (org, measurement, response_id, item_id, value) VALUES (?, ?, ?, ?, ?)", answerRows);
        Sql.batch(c, "INSERT INTO comments (org, measurement, id, report_group, theme_id, text) VALUES (?, ?, ?, ?, ?, ?)",
                commentRows);
    }

    /** Shuffles a copy of the list with the same strong randomness. */
    static <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, RANDOM);
        return copy;
    }
}
