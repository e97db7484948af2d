package dk.vum.barometer.storage.sqlite;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.PendingDelivery;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads writing one SQLite file at once: no write fails for want of the lock
 * (any exception fails the test), and every compare-and-set has exactly one winner.
 */
class SqliteConcurrencyTest {

    private static final OrgId ORG = new OrgId("local:demo");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    private static final int RESPONDENTS = 20;
    private static final int RACERS = 4;

    @TempDir
    Path dataDir;

    private Storage store;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        store = SqliteStorage.open(dataDir);
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void racingDraftsAndSubmissionsGiveOneWinnerPerRespondent() throws Exception {
        int m = store.createMeasurement(new NewMeasurement(ORG, "Måling", Stage.OPSTART, null, null, null,
                Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY)).number();
        Map<String, RespondentRole> respondents = new HashMap<>();
        List<String> users = IntStream.range(0, RESPONDENTS).mapToObj(i -> "U" + i).toList();
        users.forEach(u -> respondents.put(u, RespondentRole.SAGSBEHANDLER));
        store.addRespondents(ORG, m, respondents, List.of());
        store.open(ORG, m, DAY, OrgSettings.DEFAULTS, List.of());

        List<Callable<String>> firstDrafts = new ArrayList<>();
        for (String u : users) {
            for (int i = 0; i < RACERS; i++) {
                firstDrafts.add(() -> store.saveDraft(ORG, m, u, "{\"cursor\":1}", 0) ? u : null);
            }
        }
        assertThat(runTogether(firstDrafts)).filteredOn(u -> u != null).containsExactlyInAnyOrderElementsOf(users);

        List<Callable<String>> racing = new ArrayList<>();
        for (String u : users) {
            for (int i = 0; i < RACERS; i++) {
                racing.add(() -> u + " submit " + store.submit(ORG, m, u, submission()));
                racing.add(() -> u + " draft " + store.saveDraft(ORG, m, u, "{\"cursor\":2}", 1));
            }
        }
        List<String> outcomes = runTogether(racing);

        for (String u : users) {
            List<String> expected = new ArrayList<>(List.of(u + " submit " + SubmitResult.ACCEPTED));
            while (expected.size() < RACERS) expected.add(u + " submit " + SubmitResult.ALREADY_SUBMITTED);
            assertThat(outcomes).filteredOn(o -> o.startsWith(u + " submit ")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.draft(ORG, m, u)).isEmpty();
        }
        assertThat(store.responses(ORG, m)).hasSize(RESPONDENTS);
        assertThat(store.comments(ORG, m)).hasSize(RESPONDENTS);
    }

    @Test
    void exactlyOneOfManyRacingUsersBecomesFirstCoordinator() throws Exception {
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String user = "U" + i;
            claims.add(() -> store.claimFirstCoordinator(ORG, user));
        }

        assertThat(runTogether(claims)).containsOnlyOnce(true);
        assertThat(store.roleHolders(ORG)).hasSize(1);
    }

    @Test
    void racingDispatchersNeverClaimTheSameMessage() throws Exception {
        List<OutboxMessage> messages = IntStream.range(0, 60)
                .mapToObj(i -> new OutboxMessage(ORG, "direct", "U" + i, "{}", "k" + i)).toList();
        store.enqueue(messages);
        Instant now = Instant.parse("2025-03-12T09:00:00Z");

        List<Callable<List<Long>>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dispatchers.add(() -> {
                List<Long> mine = new ArrayList<>();
                List<PendingDelivery> batch;
                while (!(batch = store.claimDue(now, 3, Duration.ofMinutes(1))).isEmpty()) {
                    batch.forEach(d -> mine.add(d.id()));
                }
                return mine;
            });
        }

        List<Long> claimed = runTogether(dispatchers).stream().flatMap(List::stream).toList();
        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
    }

    /** Starts all tasks at the same moment and returns their results; a task's exception fails the test. */
    private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                gate.await();
                return task.call();
            }));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) results.add(f.get());
        return results;
    }

    private static Submission submission() {
        return new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 3), Map.of("t1", "Kommentar"));
    }
}
