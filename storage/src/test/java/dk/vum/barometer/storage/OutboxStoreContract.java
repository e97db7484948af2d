package dk.vum.barometer.storage;

import dk.vum.barometer.core.store.PendingDelivery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of the outbox, on every database. */
public abstract class OutboxStoreContract extends StorageContract {

    @Test
    void theOutboxQueuesEachDedupeKeyOncePerOrganisation() {
        store.enqueue(List.of(message(A, "k1"), message(A, "k1"), message(B, "k1")));
        store.enqueue(List.of(message(A, "k1"), message(A, "k2")));

        List<PendingDelivery> due = claimAll();

        assertThat(due).extracting(d -> d.message().org() + "/" + d.message().dedupeKey())
                .containsExactlyInAnyOrder(A + "/k1", B + "/k1", A + "/k2");
        assertThat(due).allSatisfy(d -> assertThat(d.attempts()).isZero());
        assertThat(due.get(0).message()).isEqualTo(message(A, "k1"));
    }

    @Test
    void aClaimedMessageIsLeasedAndComesBackWhenTheLeaseRunsOut() {
        store.enqueue(List.of(message(A, "k1")));
        Instant now = clock.instant();

        List<PendingDelivery> first = store.claimDue(now, 10, LEASE);
        assertThat(first).hasSize(1);
        assertThat(store.claimDue(now.plusSeconds(59), 10, LEASE)).isEmpty();

        List<PendingDelivery> again = store.claimDue(now.plus(LEASE), 10, LEASE);
        assertThat(again).extracting(PendingDelivery::id).containsExactly(first.get(0).id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void claimingTakesAtMostTheLimitOldestFirst() {
        store.enqueue(List.of(message(A, "k1"), message(A, "k2"), message(A, "k3")));
        Instant now = clock.instant();

        assertThat(store.claimDue(now, 0, LEASE)).isEmpty();
        assertThat(dedupeKeys(store.claimDue(now, 2, LEASE))).containsExactly("k1", "k2");
        assertThat(dedupeKeys(store.claimDue(now, 2, LEASE))).containsExactly("k3");
    }

    @Test
    void aRetryWaitsUntilItsTime() {
        store.enqueue(List.of(message(A, "k1")));
        Instant now = clock.instant();
        long id = store.claimDue(now, 10, LEASE).get(0).id();
        Instant later = now.plus(Duration.ofMinutes(5));

        store.retryLater(id, later, "429");

        assertThat(store.claimDue(now.plus(LEASE), 10, LEASE)).isEmpty();
        List<PendingDelivery> retried = store.claimDue(later, 10, LEASE);
        assertThat(retried).extracting(PendingDelivery::id).containsExactly(id);
        assertThat(retried.get(0).notBefore()).isEqualTo(later);
        assertThat(retried.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aSentMessageIsNeverClaimedOrQueuedAgain() {
        store.enqueue(List.of(message(A, "k1")));
        long id = store.claimDue(clock.instant(), 10, LEASE).get(0).id();

        store.markSent(id);
        store.enqueue(List.of(message(A, "k1")));

        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void aFailedMessageIsListedForItsOrganisationAndNotRetried() {
        store.enqueue(List.of(message(A, "k1"), message(B, "k2")));
        List<PendingDelivery> due = claimAll();

        store.markFailed(due.get(0).id(), "user blocked the bot");
        store.retryLater(due.get(0).id(), clock.instant(), "ignored after failing");

        assertThat(store.failed(A)).containsExactly(message(A, "k1"));
        assertThat(store.failed(B)).isEmpty();
        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(1)), 10, LEASE))
                .extracting(PendingDelivery::id).containsExactly(due.get(1).id());
    }

    @Test
    void aFailedMessageQueuedAgainUnderItsKeyIsTriedAfresh() {
        store.enqueue(List.of(message(A, "k1")));
        long id = claimAll().get(0).id();
        store.markFailed(id, "no conversation with the user yet");

        store.enqueue(List.of(message(A, "k1")));

        assertThat(store.failed(A)).isEmpty();
        List<PendingDelivery> again = claimAll();
        assertThat(again).extracting(PendingDelivery::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isZero();
    }

    @Test
    void purgingRemovesOnlySentMessagesOlderThanTheCutoff() {
        store.enqueue(List.of(message(A, "old"), message(A, "new"), message(A, "pending")));
        List<PendingDelivery> due = claimAll();
        store.markSent(due.get(0).id());
        clock.advance(Duration.ofDays(10));
        store.markSent(due.get(1).id());

        assertThat(store.purgeSent(clock.instant().minus(Duration.ofDays(5)))).isEqualTo(1);

        store.enqueue(List.of(message(A, "old"), message(A, "new")));
        assertThat(dedupeKeys(store.claimDue(clock.instant(), 10, LEASE))).containsExactly("pending", "old");
    }
}
