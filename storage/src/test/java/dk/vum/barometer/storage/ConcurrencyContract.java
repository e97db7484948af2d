package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.PendingDelivery;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads writing at once through two stores on one database (two bot instances; a single-process
 * store may hand out the same store twice): no write fails (any exception fails the test), every
 * compare-and-set has exactly one winner, and no submission is lost or counted twice, whether the
 * mixers of both instances or the close of the round race it.
 */
public abstract class ConcurrencyContract extends TwoStoresContract {

    private static final int RESPONDENTS = 20;
    private static final int RACERS = 4;

    @Test
    void racingDraftsSubmissionsAndMixersGiveOneResponsePerRespondent() throws Exception {
        List<String> users = users(RESPONDENTS);
        int m = openRound(users);

        List<Callable<String>> firstDrafts = new ArrayList<>();
        for (String u : users) {
            for (int i = 0; i < RACERS; i++) {
                Storage s = store(i);
                firstDrafts.add(() -> s.saveDraft(ORG, m, u, "{\"cursor\":1}", 0) ? u : null);
            }
        }
        assertThat(runTogether(firstDrafts)).filteredOn(u -> u != null).containsExactlyInAnyOrderElementsOf(users);

        List<Callable<String>> racing = new ArrayList<>();
        for (String u : users) {
            for (int i = 0; i < RACERS; i++) {
                Storage s = store(i);
                racing.add(() -> u + " submit " + s.submit(ORG, m, u, submission(u)));
                racing.add(() -> u + " draft " + s.saveDraft(ORG, m, u, "{\"cursor\":2}", 1));
                racing.add(() -> "mixed " + s.mixSealed());
            }
        }
        List<String> outcomes = runTogether(racing);

        for (String u : users) {
            List<String> expected = new ArrayList<>(List.of(u + " submit " + SubmitResult.ACCEPTED));
            while (expected.size() < RACERS) expected.add(u + " submit " + SubmitResult.ALREADY_SUBMITTED);
            assertThat(outcomes).filteredOn(o -> o.startsWith(u + " submit ")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store(0).draft(ORG, m, u)).isEmpty();
        }
        assertThat(store(1).close(ORG, m)).isTrue();
        assertThat(store(0).responses(ORG, m)).hasSize(RESPONDENTS);
        assertThat(store(1).comments(ORG, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(users.stream().map(ConcurrencyContract::comment).toList());
    }

    @Test
    void submissionsRacingTheCloseCountIfAndOnlyIfTheyWereAccepted() throws Exception {
        List<String> users = users(RESPONDENTS);
        int m = openRound(users);
        List<Callable<String>> racing = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            Storage s = store(i);
            racing.add(() -> s.submit(ORG, m, u, submission(u)) == SubmitResult.ACCEPTED ? u : null);
            if (i == RESPONDENTS / 2) racing.add(() -> store(1).close(ORG, m) ? "closed" : null);
            if (i % 5 == 0) racing.add(() -> "mixed " + s.mixSealed());
        }

        List<String> accepted = runTogether(racing).stream()
                .filter(o -> o != null && !o.equals("closed") && !o.startsWith("mixed")).toList();

        assertThat(store(0).responses(ORG, m)).hasSize(accepted.size());
        assertThat(store(0).comments(ORG, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(ConcurrencyContract::comment).toList());
        assertThat(store(1).respondents(ORG, m)).filteredOn(r -> r.status() == RespondentStatus.SUBMITTED)
                .extracting(Respondent::userId).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(store(0).mixSealed() + store(1).mixSealed()).as("nothing left sealed after close").isZero();
    }

    @Test
    void mixersOfTwoInstancesNeverMixASubmissionTwice() throws Exception {
        List<String> users = users(40);
        int m = openRound(users);
        AtomicBoolean submitting = new AtomicBoolean(true);
        List<Callable<Integer>> work = new ArrayList<>();
        work.add(() -> {
            for (int i = 0; i < users.size(); i++) store(i).submit(ORG, m, users.get(i), submission(users.get(i)));
            submitting.set(false);
            return 0;
        });
        for (int i = 0; i < 4; i++) {
            Storage s = store(i);
            work.add(() -> {
                int mixed = 0;
                while (submitting.get()) mixed += s.mixSealed();
                return mixed + s.mixSealed();
            });
        }
        int mixedWhileOpen = runTogether(work).stream().mapToInt(Integer::intValue).sum();

        assertThat(store(0).responses(ORG, m).size()).as("what was mixed, or everything on a store that writes at once")
                .isIn(mixedWhileOpen, users.size());
        store(1).close(ORG, m);
        assertThat(store(0).comments(ORG, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(users.stream().map(ConcurrencyContract::comment).toList());
        assertThat(store(1).responses(ORG, m)).hasSize(users.size());
    }

    @Test
    void exactlyOneOfManyRacingUsersBecomesFirstCoordinator() throws Exception {
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String user = "U" + i;
            Storage s = store(i);
            claims.add(() -> s.claimFirstCoordinator(ORG, user));
        }

        assertThat(runTogether(claims)).containsOnlyOnce(true);
        assertThat(store(0).roleHolders(ORG)).hasSize(1);
    }

    @Test
    void racingCreationsNumberMeasurementsWithoutGapsOrTwins() throws Exception {
        List<Callable<Integer>> creations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Storage s = store(i);
            creations.add(() -> s.createMeasurement(new NewMeasurement(ORG, "M", Stage.OPSTART, null, null, null,
                    Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY)).number());
        }

        assertThat(runTogether(creations)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void racingDispatchersNeverClaimTheSameMessage() throws Exception {
        List<OutboxMessage> messages = IntStream.range(0, 60)
                .mapToObj(i -> new OutboxMessage(ORG, "direct", "U" + i, "{}", "k" + i)).toList();
        store(0).enqueue(messages);
        Instant now = Instant.parse("2025-03-12T09:00:00Z");

        List<Callable<List<Long>>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Storage s = store(i);
            dispatchers.add(() -> {
                List<Long> mine = new ArrayList<>();
                List<PendingDelivery> batch;
                while (!(batch = s.claimDue(now, 3, Duration.ofMinutes(1))).isEmpty()) {
                    batch.forEach(d -> mine.add(d.id()));
                }
                return mine;
            });
        }

        List<Long> claimed = runTogether(dispatchers).stream().flatMap(List::stream).toList();
        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void aDeliveryRacingItsDuplicatesIsFirstOnce() throws Exception {
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Storage s = store(i);
            deliveries.add(() -> s.firstDelivery(ORG, "event-1"));
        }

        assertThat(runTogether(deliveries)).containsOnlyOnce(true);
    }

    private static List<String> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> "U" + i).toList();
    }

    /** Each respondent's comment is their own, so a submission mixed twice or lost shows in the comments. */
    private static String comment(String user) {
        return "kommentar " + user;
    }

    private static Submission submission(String user) {
        return new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 3), Map.of("t1", comment(user)));
    }
}
