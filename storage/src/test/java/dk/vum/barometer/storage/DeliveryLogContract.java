package dk.vum.barometer.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of the delivery log, on every database. */
public abstract class DeliveryLogContract extends StorageContract {

    @Test
    void aDeliveryIsFirstOnlyOncePerOrganisation() {
        assertThat(store.firstDelivery(A, "ev1")).isTrue();
        assertThat(store.firstDelivery(A, "ev1")).isFalse();
        assertThat(store.firstDelivery(B, "ev1")).isTrue();
        store.forgetDelivery(A, "ev1");
        assertThat(store.firstDelivery(A, "ev1")).as("forgotten after a failed handling").isTrue();
        assertThat(store.firstDelivery(B, "ev1")).isFalse();
    }

    @Test
    void oldDeliveriesArePurged() {
        store.firstDelivery(A, "old");
        clock.advance(Duration.ofDays(2));
        store.firstDelivery(A, "new");

        assertThat(store.purgeDeliveries(clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(store.firstDelivery(A, "old")).isTrue();
        assertThat(store.firstDelivery(A, "new")).isFalse();
    }
}
