package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.DeliveryLog;

import java.time.Clock;
import java.time.Instant;

/** Delivery ids per organisation, stamped with the store's clock for {@link #purgeDeliveries}. */
final class JdbcDeliveryLog implements DeliveryLog {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcDeliveryLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(OrgId org, String deliveryId) {
        return jdbc.write(c -> Sql.update(c, "INSERT INTO delivery_log (org, delivery_id, received_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (org, delivery_id) DO NOTHING", org.value(), deliveryId, clock.millis()) == 1);
    }

    @Override
    public void forgetDelivery(OrgId org, String deliveryId) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM delivery_log WHERE org = ? AND delivery_id = ?", org.value(), deliveryId));
    }

    @Override
    public int purgeDeliveries(Instant olderThan) {
        return jdbc.write(c -> Sql.update(c, "DELETE FROM delivery_log WHERE received_at < ?", olderThan.toEpochMilli()));
    }
}
