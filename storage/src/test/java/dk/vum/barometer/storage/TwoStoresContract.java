package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the contracts of concurrent work share: two stores on one fresh database (two bot instances; a
 * single-process store may hand out the same store twice), threads that start together, and an open round.
 */
public abstract class TwoStoresContract {

    protected static final OrgId ORG = new OrgId("local:demo");
    protected static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    private Storage[] stores;
    private ExecutorService threads;

    /** Two stores on the same fresh, empty database. */
    protected abstract Storage[] newStores();

    @BeforeEach
    void openStores() {
        stores = newStores();
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void closeStores() {
        threads.shutdownNow();
        for (Storage s : stores) s.close();
    }

    /** Closes the stores, as stopping the bot would, and goes on with the one {@code reopen} gives. */
    protected void reopenStores(Supplier<Storage> reopen) {
        for (Storage s : stores) s.close();
        stores = new Storage[]{reopen.get()};
    }

    protected ExecutorService threads() {
        return threads;
    }

    protected Storage store(int i) {
        return stores[i % stores.length];
    }

    /** Starts all tasks at the same moment and returns their results; a task's exception fails the test. */
    protected <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                assertThat(gate.await(10, TimeUnit.SECONDS)).as("all tasks released").isTrue();
                return task.call();
            }));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
        return results;
    }

    /** An open round of caseworkers, with minimums of 3, so that mixing happens while it is open. */
    protected int openRound(List<String> users) {
        int m = store(0).createMeasurement(new NewMeasurement(ORG, "Måling", Stage.OPSTART, null, null, null,
                Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY)).number();
        Map<String, RespondentRole> respondents = new HashMap<>();
        users.forEach(u -> respondents.put(u, RespondentRole.SAGSBEHANDLER));
        store(0).addRespondents(ORG, m, respondents, List.of());
        store(1).open(ORG, m, DAY, new OrgSettings(3, 3), List.of());
        return m;
    }
}
