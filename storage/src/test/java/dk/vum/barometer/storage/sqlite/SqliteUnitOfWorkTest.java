package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit of work on the single writer (group commit): a unit's writes are all there or none, each unit
 * sees its own writes, nested units join, and concurrent units (some failing) leave exactly the writes of
 * those that returned, visible to a fresh store on the same file.
 */
class SqliteUnitOfWorkTest {

    private static final OrgId ORG = new OrgId("local:demo");

    @TempDir
    Path dataDir;

    private Storage store;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL);
        store.ensureOrganisation(ORG, "Demo");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aUnitThatThrowsLeavesNothingBehindAndSeesItsOwnWritesWhileItRuns() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.upsertUser(ORG, "anna", "Anna");
            store.putState(ORG, "ns", "k", "v");
            assertThat(store.user(ORG, "anna")).isPresent();
            assertThat(store.inTransaction(() -> store.state(ORG, "ns", "k"))).hasValue("v");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.user(ORG, "anna")).isEmpty();
        assertThat(store.state(ORG, "ns", "k")).isEmpty();
    }

    @Test
    void concurrentUnitsCommitTogetherAndAFailingOneTakesOnlyItself() throws Exception {
        int units = 24;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String user = "u" + i;
            boolean fails = i % 5 == 0;
            done.add(threads.submit(() -> {
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
                try {
                    return store.inTransaction(() -> {
                        assertThat(store.firstDelivery(ORG, "delivery-" + user)).isTrue();
                        store.putState(ORG, "ns", user, "written");
                        if (fails) throw new IllegalStateException("unit of " + user + " fails");
                        return true;
                    });
                } catch (IllegalStateException e) {
                    if (!fails) throw e; // only the units meant to fail may roll back
                    return false;
                }
            }));
        }
        gate.countDown();
        List<Boolean> returned = new ArrayList<>();
        for (Future<Boolean> f : done) returned.add(f.get(60, TimeUnit.SECONDS));
        threads.shutdown();
        store.close();

        store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.FULL);
        for (int i = 0; i < units; i++) {
            String user = "u" + i;
            assertThat(store.state(ORG, "ns", user).isPresent()).as(user).isEqualTo(returned.get(i));
            // the delivery id of a failed unit was rolled back with it, so the platform's retry is handled
            assertThat(store.firstDelivery(ORG, "delivery-" + user)).as(user).isEqualTo(!returned.get(i));
        }
        assertThat(returned).contains(true, false);
    }
}
