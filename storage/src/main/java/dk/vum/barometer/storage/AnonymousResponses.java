package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
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
        List<Submission> order = shuffled(submissions);
        List<Object[]> responses = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        List<Object[]> comments = new ArrayList<>();
        for (Submission s : order) {
            String responseId = UUID.randomUUID().toString();
            responses.add(new Object[]{org.value(), measurement, responseId, s.group(), s.contentHash()});
            s.answers().forEach((item, value) -> answers.add(new Object[]{org.value(), measurement, responseId, item, value}));
            s.comments().forEach((theme, text) -> comments.add(new Object[]{
                    org.value(), measurement, UUID.randomUUID().toString(), s.group(), theme, text}));
        }
        Sql.batch(c, "INSERT INTO responses (org, measurement, id, report_group, content_hash) VALUES (?, ?, ?, ?, ?)",
                responses);
        Sql.batch(c, "INSERT INTO answers (org, measurement, response_id, item_id, value) VALUES (?, ?, ?, ?, ?)", answers);
        Sql.batch(c, "INSERT INTO comments (org, measurement, id, report_group, theme_id, text) VALUES (?, ?, ?, ?, ?, ?)",
                shuffled(comments));
    }

    /** Shuffles a copy of the list with the same strong randomness. */
    static <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, RANDOM);
        return copy;
    }
}
