package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.DeliveryLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Delivery ids per organisation. A platform's delivery id can name a person and a time (a Slack click is
 * its user and action time), so only a keyed hash of it is kept ({@link DraftCipher#deliveryHash}), and
 * the store's clock stamps it with the hour, as much as {@link #purgeDeliveries} needs to keep it a few
 * days: nothing times one person's clicks.
 */
final class JdbcDeliveryLog implements DeliveryLog {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final Jdbc jdbc;
    private final DraftCipher cipher;
    private final Clock clock;

    JdbcDeliveryLog(Jdbc jdbc, DraftCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(OrgId org, String deliveryId) {
        return jdbc.write(c -> Sql.update(c, "INSERT INTO delivery_log (org, delivery_id, received_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (org, delivery_id) DO NOTHING",
                org.value(), cipher.deliveryHash(org, deliveryId), clock.millis() / HOUR * HOUR) == 1);
    }

    @Override
    public void forgetDelivery(OrgId org, String deliveryId) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM delivery_log WHERE org = ? AND delivery_id = ?",
                org.value(), cipher.deliveryHash(org, deliveryId)));
    }

    @Override
    public int purgeDeliveries(Instant olderThan) {
        return jdbc.write(c -> Sql.update(c, "DELETE FROM delivery_log WHERE received_at < ?", olderThan.toEpochMilli()));
    }
}
