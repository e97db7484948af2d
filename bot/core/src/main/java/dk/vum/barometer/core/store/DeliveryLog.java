package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.time.Instant;

/** Remembers delivery ids so that a retried or duplicated delivery is processed once. */
public interface DeliveryLog {

    /** Records the delivery; returns false if it was recorded before. */
    boolean firstDelivery(OrgId org, String deliveryId);

    /** Forgets a delivery whose handling failed, so the platform's retry is processed. */
    void forgetDelivery(OrgId org, String deliveryId);

    int purgeDeliveries(Instant olderThan);
}
