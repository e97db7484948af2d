package dk.vum.barometer.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Submission;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submission seals; a mixer moves sealed submissions into responses in batches, so that no transaction
 * that writes a response touches one person's rows only. A database that records which transaction
 * wrote and deleted each row version (PostgreSQL's {@code xmin}/{@code xmax}) then links a response
 * to a batch of people, never to one person.
 *
 * <p>The minimum is the group minimum for comments (the stricter of the round's pinned one and today's;
 * never below the one for scores): a batch carries comments, the most identifying part of an answer, so
 * it holds at least as many people as a group must have before its comments are shown.
 *
 * <p>Submitting stores the submission encrypted in {@code sealed_submissions} (linked to the person
 * until mixed). The mixer takes a measurement's sealed submissions under a lock named for it (so
 * instances never mix the same one twice) and, per partition of what a response shows (report group
 * and pinned content: mixing a leader with caseworkers would single the leader out), mixes:
 * <ul>
 *   <li>while the round is open, only when at least twice the group minimum wait, and then all but
 *   the minimum, chosen at random: a reserve of a full minimum always stays behind;</li>
 *   <li>when the round closes (in the closing transaction), everything left: the reserve and whatever
 *   came after it, so this last batch is never below the minimum either, unless the whole partition
 *   is (and then it is the whole partition, as with a store that writes at once).</li>
 * </ul>
 * A short last batch is never padded by rewriting older responses: their dead versions would keep the
 * same answers under the old ids, and matching them would pick the new ones out.
 *
 * <p>Where deleted rows leave nothing behind ({@link Dialect#erasesDeletedRows}, SQLite), every mix then
 * rewrites all of the measurement's anonymous rows in one fresh random order under fresh ids: the cells of
 * a page are laid out in the order they were written, and without the rewrite each batch would sit
 * together, later batches at lower offsets. After it, one copy of the file shows no batch at all.
 */
final class SealedHandover implements Handover {

    private static final String SEALED = "sealed";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DraftCipher cipher;
    private final Dialect dialect;

    SealedHandover(DraftCipher cipher, Dialect dialect) {
        this.cipher = cipher;
        this.dialect = dialect;
    }

    @Override
    public void accept(Connection c, DraftOwner owner, Submission submission) throws SQLException {
        Sql.update(c, "INSERT INTO sealed_submissions (org, measurement, user_id, submission) VALUES (?, ?, ?, ?)",
                owner.org().value(), owner.measurement(), owner.userId(), cipher.encrypt(SEALED, owner, json(submission)));
    }

    @Override
    public void closing(Connection c, OrgId org, int measurement) throws SQLException {
        dialect.lock(c, lockName(org, measurement));
        mix(c, org, measurement, true);
    }

    @Override
    public int mixDue(Jdbc jdbc) {
        List<Key> due = jdbc.read(c -> Sql.list(c,
                "SELECT DISTINCT org, measurement FROM sealed_submissions ORDER BY org, measurement",
                rs -> new Key(new OrgId(rs.getString("org")), rs.getInt("measurement"))));
        int mixed = 0;
        for (Key m : due) {
            mixed += jdbc.write(c -> dialect.tryLock(c, lockName(m.org(), m.measurement()))
                    ? mix(c, m.org(), m.measurement(), false) : 0);
        }
        return mixed;
    }

    private int mix(Connection c, OrgId org, int measurement, boolean closing) throws SQLException {
        Optional<Round> round = Sql.first(c, "SELECT status, min_scores, min_comments FROM measurements WHERE org = ? AND number = ?",
                rs -> new Round(MeasurementStatus.valueOf(rs.getString("status")), JdbcMeasurementStore.thresholds(rs)),
                org.value(), measurement);
        if (round.isEmpty()) return 0;
        boolean everything = closing || round.get().status() == MeasurementStatus.CLOSED;
        int minimum = OrgSettings.strictest(round.get().pinned(), JdbcOrganisationStore.settings(c, org)).minGroupForComments();
        // While the round is open nothing is mixed below twice the minimum: no partition can reach it if
        // all of them together do not, so the sealed submissions need not be locked and decrypted.
        if (!everything && Sql.first(c, "SELECT COUNT(*) AS n FROM sealed_submissions WHERE org = ? AND measurement = ?",
                rs -> rs.getInt("n"), org.value(), measurement).orElse(0) < 2 * minimum) {
            return 0;
        }

        Map<Partition, List<Sealed>> partitions = new LinkedHashMap<>();
        for (Sealed s : Sql.list(c, "SELECT user_id, submission FROM sealed_submissions WHERE org = ? AND measurement = ?"
                        + dialect.rowLocks("FOR UPDATE"),
                rs -> open(new DraftOwner(org, measurement, rs.getString("user_id")), rs.getBytes("submission")),
                org.value(), measurement)) {
            partitions.computeIfAbsent(new Partition(s.submission().group(), s.submission().contentHash()),
                    p -> new ArrayList<>()).add(s);
        }
        List<Sealed> batch = new ArrayList<>();
        for (List<Sealed> waiting : partitions.values()) {
            int take = everything ? waiting.size() : waiting.size() >= 2 * minimum ? waiting.size() - minimum : 0;
            batch.addAll(AnonymousResponses.shuffled(waiting).subList(0, take));
        }
        if (batch.isEmpty()) return 0;
        List<Object[]> keys = new ArrayList<>();
        for (Sealed s : AnonymousResponses.shuffled(batch)) {
            keys.add(new Object[]{org.value(), measurement, s.owner().userId()});
        }
        Sql.batch(c, "DELETE FROM sealed_submissions WHERE org = ? AND measurement = ? AND user_id = ?", keys);
        AnonymousResponses.insert(c, org, measurement, batch.stream().map(Sealed::submission).toList());
        if (dialect.erasesDeletedRows()) AnonymousResponses.rewrite(c, org, measurement);
        return batch.size();
    }

    private Sealed open(DraftOwner owner, byte[] stored) {
        try {
            return new Sealed(owner, JSON.readValue(cipher.decrypt(SEALED, owner, stored), Submission.class));
        } catch (JsonProcessingException e) {
            throw new StorageException("a sealed submission is not readable", e);
        }
    }

    private static String json(Submission submission) {
        try {
            return JSON.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lockName(OrgId org, int measurement) {
        return "mix:" + org.value() + ":" + measurement;
    }

    /** @param pinned the minimums the round's invitations promised, or null */
    private record Round(MeasurementStatus status, OrgSettings pinned) {
    }

    private record Key(OrgId org, int measurement) {
    }

    private record Partition(ReportGroup group, String contentHash) {
    }

    private record Sealed(DraftOwner owner, Submission submission) {
    }
}
