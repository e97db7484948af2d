package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.PendingDelivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The outbox. New messages are due at once whatever the caller's clock says (not_before = 0).
 * A claim is a lease: a compare-and-set on the lease, so two dispatchers never take the same row and
 * a crashed dispatcher's rows come back when the lease runs out; where writers run side by side, each
 * skips the rows another is claiming instead of waiting for them. The store's clock stamps sent rows
 * for {@link #purgeSent}.
 */
final class JdbcOutboxStore implements OutboxStore {

    private static final String PENDING = "PENDING";
    private static final String SENT = "SENT";
    private static final String FAILED = "FAILED";
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final String MESSAGE_COLUMNS = "org, destination_kind, destination_id, payload, dedupe_key";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcOutboxStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues messages inside the caller's transaction. A dedupe key already pending or sent is skipped; one
     * that was given up on is queued afresh, because queuing it again is a new request (a coordinator's
     * reminder after a person installed the app), not a retry.
     */
    static void enqueue(Connection c, List<OutboxMessage> messages) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (OutboxMessage m : messages) {
            rows.add(new Object[]{m.org().value(), m.destinationKind(), m.destinationId(), m.payload(), m.dedupeKey(), PENDING});
        }
        Sql.batch(c, "INSERT INTO outbox (" + MESSAGE_COLUMNS + ", status, attempts, not_before) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, 0) ON CONFLICT (org, dedupe_key) DO UPDATE SET "
                + "payload = excluded.payload, status = excluded.status, attempts = 0, not_before = 0, "
                + "lease_until = NULL, last_error = NULL WHERE outbox.status = '" + FAILED + "'", rows);
    }

    @Override
    public void enqueue(List<OutboxMessage> messages) {
        jdbc.write(c -> {
            enqueue(c, messages);
            return null;
        });
    }

    @Override
    public int queuedAlready(OrgId org, Collection<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) return 0;
        List<String> keys = List.copyOf(new LinkedHashSet<>(dedupeKeys));
        return jdbc.read(c -> {
            int found = 0;
            // In chunks, to stay under every database's limit on bound parameters.
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                List<Object> params = new ArrayList<>();
                params.add(org.value());
                params.add(FAILED);
                params.addAll(chunk);
                found += Sql.first(c, "SELECT COUNT(*) FROM outbox WHERE org = ? AND status <> ? AND dedupe_key IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        rs -> rs.getInt(1), params.toArray()).orElse(0);
            }
            return found;
        });
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, int limit, Duration leaseFor) {
        if (limit <= 0) return List.of();
        long nowMillis = now.toEpochMilli();
        long leaseUntil = now.plus(leaseFor).toEpochMilli();
        return jdbc.write(c -> {
            List<PendingDelivery> due = Sql.list(c,
                    "SELECT id, attempts, not_before, " + MESSAGE_COLUMNS + " FROM outbox WHERE status = ? "
                            + "AND not_before <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id LIMIT ?"
                            + jdbc.dialect().rowLocks("FOR UPDATE SKIP LOCKED"),
                    rs -> new PendingDelivery(rs.getLong("id"), message(rs), rs.getInt("attempts"),
                            Instant.ofEpochMilli(rs.getLong("not_before"))),
                    PENDING, nowMillis, nowMillis, limit);
            List<PendingDelivery> claimed = new ArrayList<>();
            for (PendingDelivery d : due) {
                int leased = Sql.update(c, "UPDATE outbox SET lease_until = ?, attempts = attempts + 1 "
                                + "WHERE id = ? AND status = ? AND (lease_until IS NULL OR lease_until <= ?)",
                        leaseUntil, d.id(), PENDING, nowMillis);
                if (leased == 1) claimed.add(d);
            }
            return claimed;
        });
    }

    @Override
    public void markSent(long id) {
        jdbc.write(c -> Sql.update(c, "UPDATE outbox SET status = ?, sent_at = ?, lease_until = NULL WHERE id = ?",
                SENT, clock.millis(), id));
    }

    @Override
    public void retryLater(long id, Instant notBefore, String error) {
        jdbc.write(c -> Sql.update(c,
                "UPDATE outbox SET not_before = ?, lease_until = NULL, last_error = ? WHERE id = ? AND status = ?",
                notBefore.toEpochMilli(), truncate(error), id, PENDING));
    }

    @Override
    public void markFailed(long id, String error) {
        jdbc.write(c -> Sql.update(c, "UPDATE outbox SET status = ?, lease_until = NULL, last_error = ? WHERE id = ?",
                FAILED, truncate(error), id));
    }

    @Override
    public List<OutboxMessage> failed(OrgId org) {
        return jdbc.read(c -> Sql.list(c,
                "SELECT " + MESSAGE_COLUMNS + " FROM outbox WHERE org = ? AND status = ? ORDER BY id",
                JdbcOutboxStore::message, org.value(), FAILED));
    }

    @Override
    public int purgeSent(Instant olderThan) {
        return jdbc.write(c -> Sql.update(c, "DELETE FROM outbox WHERE status = ? AND sent_at < ?",
                SENT, olderThan.toEpochMilli()));
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(new OrgId(rs.getString("org")), rs.getString("destination_kind"),
                rs.getString("destination_id"), rs.getString("payload"), rs.getString("dedupe_key"));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
