package dk.vum.barometer.core;

import dk.vum.barometer.core.chat.OrgId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PerUserQueueTest {

    static final OrgId ORG = new OrgId("local:test");
    final PerUserQueue queue = new PerUserQueue("test", 4);

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void oneUsersWorkRunsInOrderWhileAnotherUsersRunsBesideIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        List<String> order = new CopyOnWriteArrayList<>();

        queue.submit(ORG, "anna", () -> {
            await(release);
            order.add("anna-1");
            done.countDown();
        });
        queue.submit(ORG, "anna", () -> {
            order.add("anna-2");
            done.countDown();
        });
        // Bo's work is not held up by Anna's slow first piece: it releases it.
        queue.submit(ORG, "bo", () -> {
            order.add("bo");
            release.countDown();
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("bo", "anna-1", "anna-2");
    }

    @Test
    void aFailureDoesNotStopTheUsersNextWork() throws InterruptedException {
        CountDownLatch next = new CountDownLatch(1);
        queue.submit(ORG, "anna", () -> {
            throw new IllegalStateException("boom");
        });
        queue.submit(ORG, "anna", next::countDown);
        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
