package dk.vum.barometer.bench;

import dk.vum.barometer.core.chat.OrgId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How the outbox delivered the invitations: how many, and the first and last send time (epoch ms), read
 * from the outbox table beside the running server(s); the store's port has no query for this, as only the
 * benchmark needs it.
 */
record Dispatch(int sent, int pending, long firstSentMillis, long lastSentMillis) {

    /** A fresh connection to the database the server uses, read-only where the driver allows. */
    interface Database {
        Connection open() throws SQLException;
    }

    /** Waits until the outbox has nothing pending for the organisation, or the limit has passed. */
    static Dispatch await(Database database, OrgId org, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (true) {
            Dispatch d = read(database, org);
            if (d.pending() == 0 || System.nanoTime() > until) return d;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return d;
            }
        }
    }

    private static Dispatch read(Database database, OrgId org) {
        try (Connection c = database.open();
             PreparedStatement q = c.prepareStatement("SELECT SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END), "
                     + "SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), MIN(sent_at), MAX(sent_at) FROM outbox WHERE org = ?")) {
            q.setString(1, org.value());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Dispatch(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }
}
