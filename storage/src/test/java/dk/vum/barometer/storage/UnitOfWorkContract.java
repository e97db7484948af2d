package dk.vum.barometer.storage;

import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit of work ({@link Storage#inTransaction}) every store must give: a unit's writes are all there or
 * none, whatever its work made of a database failure; a unit reads its own writes and nobody else does
 * before it returns; nested units join; and concurrent units (of two bot instances where the database has
 * them), some failing, leave exactly the writes of those that returned, with no update lost.
 */
public abstract class UnitOfWorkContract extends TwoStoresContract {

    /** A store opened afresh on the database of {@link #newStores}, once those are closed: what is durable. */
    protected abstract Storage reopen();

    @BeforeEach
    void knownOrganisation() {
        store(0).ensureOrganisation(ORG, "Demo");
    }

    @Test
    void aUnitThatThrowsLeavesNothingBehindAndSeesItsOwnWritesWhileItRuns() {
        Storage store = store(0);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.upsertUser(ORG, "anna", "Anna");
            store.upsertUser(ORG, "anna", "Anna");
            store.putState(ORG, "ns", "k", "v");
            assertThat(store.user(ORG, "anna")).isPresent();
            assertThat(store.inTransaction(() -> store.state(ORG, "ns", "k"))).hasValue("v");
            assertThat(elsewhere(() -> store(1).state(ORG, "ns", "k"))).as("not committed yet").isEmpty();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.user(ORG, "anna")).isEmpty();
        assertThat(store(1).state(ORG, "ns", "k")).isEmpty();
        // the name was never committed, so it is written again rather than taken as known
        store.upsertUser(ORG, "anna", "Anna");
        assertThat(store(1).user(ORG, "anna")).isPresent();
    }

    /** An Error is no exception: the unit's connection must not go back, or on, with its writes pending. */
    @Test
    void aUnitEndedByAnErrorLeavesNothingBehind() {
        Storage store = store(0);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.putState(ORG, "ns", "k", "v");
            throw new AssertionError("an error, not an exception");
        })).isInstanceOf(AssertionError.class);
        store.putState(ORG, "ns", "other", "v");

        assertThat(store(1).state(ORG, "ns", "k")).isEmpty();
        assertThat(store(1).state(ORG, "ns", "other")).isPresent();
    }

    @Test
    void aUnitWhoseSecondWriteFailsLeavesTheFirstUnwritten() {
        Storage store = store(0);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.putState(ORG, "ns", "first", "written");
            store.saveContent("hash-without-json", null);
            return null;
        })).isInstanceOf(StorageException.class);

        assertThat(store(1).state(ORG, "ns", "first")).isEmpty();
        assertThat(store(1).content("hash-without-json")).isEmpty();
    }

    /** As the bot does: a failure it catches still fails the event, whose delivery is then handled again. */
    @Test
    void aUnitWhoseWorkCatchesADatabaseFailureIsStillRolledBack() {
        Storage store = store(0);
        assertThatThrownBy(() -> store.inTransaction(() -> {
            assertThat(store.firstDelivery(ORG, "event-1")).isTrue();
            store.putState(ORG, "ns", "first", "written");
            try {
                store.saveContent("hash-without-json", null);
            } catch (StorageException e) {
                return "answered with an error";
            }
            return "answered";
        })).isInstanceOf(StorageException.class);

        assertThat(store(1).state(ORG, "ns", "first")).isEmpty();
        assertThat(store(1).firstDelivery(ORG, "event-1")).isTrue();
    }

    @Test
    void concurrentUnitsCommitTheirOwnWritesAndAFailingOneTakesOnlyItself() throws Exception {
        int units = 24;
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String user = "u" + i;
            boolean fails = i % 5 == 0;
            Storage s = store(i);
            work.add(() -> {
                try {
                    return s.inTransaction(() -> {
                        assertThat(s.firstDelivery(ORG, "delivery-" + user)).isTrue();
                        s.putState(ORG, "ns", user, "written");
                        if (fails) throw new IllegalStateException("unit of " + user + " fails");
                        return true;
                    });
                } catch (IllegalStateException e) {
                    if (!fails) throw e; // only the units meant to fail may roll back
                    return false;
                }
            });
        }
        List<Boolean> returned = runTogether(work);
        reopenStores(this::reopen);
        for (int i = 0; i < units; i++) {
            String user = "u" + i;
            assertThat(store(0).state(ORG, "ns", user).isPresent()).as(user).isEqualTo(returned.get(i));
            // the delivery id of a failed unit was rolled back with it, so the platform's retry is handled
            assertThat(store(0).firstDelivery(ORG, "delivery-" + user)).as(user).isEqualTo(!returned.get(i));
        }
        assertThat(returned).contains(true, false);
    }

    /**
     * A platform's retries of one event reach both instances while the first is still being handled, and
     * that first fails: a retry waits for it, then handles the event itself, and every other is a duplicate.
     */
    @Test
    void duplicatesOfADeliveryWaitForTheFirstAndOneHandlesItWhenTheFirstFails() throws Exception {
        AtomicBoolean firstFails = new AtomicBoolean(true);
        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Storage s = store(i);
            work.add(() -> {
                try {
                    return s.inTransaction(() -> {
                        if (!s.firstDelivery(ORG, "event-1")) return "duplicate";
                        s.putState(ORG, "ns", "event-1", "handled");
                        if (firstFails.getAndSet(false)) {
                            pause();
                            throw new IllegalStateException("the first handling fails");
                        }
                        return "handled";
                    });
                } catch (IllegalStateException e) {
                    return "failed";
                }
            });
        }

        assertThat(runTogether(work)).containsOnlyOnce("failed", "handled").filteredOn(r -> r.equals("duplicate")).hasSize(6);
        assertThat(store(1).state(ORG, "ns", "event-1")).hasValue("handled");
    }

    /**
     * Clicks of one person handled by both instances at once: each reads the draft and saves it on the
     * version it read, reading again when another click saved first, all in its unit. None is lost.
     */
    @Test
    void racingUnitsOnOneDraftLoseNoUpdate() throws Exception {
        int m = openRound(List.of("anna"));
        int clicks = 16;
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            Storage s = store(i);
            String delivery = "click-" + i;
            work.add(() -> s.inTransaction(() -> {
                assertThat(s.firstDelivery(ORG, delivery)).isTrue();
                for (int tries = 1; ; tries++) {
                    Optional<Draft> draft = s.draft(ORG, m, "anna");
                    long version = draft.map(Draft::version).orElse(0L);
                    int count = draft.map(d -> Integer.parseInt(d.state())).orElse(0);
                    if (s.saveDraft(ORG, m, "anna", String.valueOf(count + 1), version)) {
                        assertThat(s.draft(ORG, m, "anna")).as("the unit reads what it wrote")
                                .hasValue(new Draft(String.valueOf(count + 1), version + 1));
                        return tries;
                    }
                }
            }));
        }
        runTogether(work);

        assertThat(store(1).draft(ORG, m, "anna")).hasValue(new Draft(String.valueOf(clicks), clicks));
    }

    /**
     * Respondents' events (save, then submit) racing the close of the round and both instances' mixers:
     * a submission counts if and only if its unit was told it was accepted, and nothing stays sealed.
     */
    @Test
    void respondentUnitsRacingTheCloseCountExactlyTheAcceptedSubmissions() throws Exception {
        List<String> users = IntStream.range(0, 20).mapToObj(i -> "U" + i).toList();
        int m = openRound(users);
        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            Storage s = store(i);
            work.add(() -> s.inTransaction(() -> {
                assertThat(s.firstDelivery(ORG, "submit-" + u)).isTrue();
                boolean saved = s.saveDraft(ORG, m, u, "{}", 0);
                SubmitResult result = s.submit(ORG, m, u, submission(u));
                assertThat(saved).as("a round open for the save is open for the submission")
                        .isEqualTo(result == SubmitResult.ACCEPTED);
                return result == SubmitResult.ACCEPTED ? u : null;
            }));
            if (i == users.size() / 2) {
                work.add(() -> store(1).inTransaction(() -> {
                    assertThat(store(1).firstDelivery(ORG, "close")).isTrue();
                    return store(1).close(ORG, m) ? null : "not closed";
                }));
            }
            if (i % 5 == 0) {
                work.add(() -> {
                    s.mixSealed();
                    return null;
                });
            }
        }

        List<String> accepted = runTogether(work).stream().filter(o -> o != null).toList();

        assertThat(accepted).doesNotContain("not closed");
        assertThat(store(0).comments(ORG, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(UnitOfWorkContract::comment).toList());
        assertThat(store(1).respondents(ORG, m)).filteredOn(r -> r.status() == RespondentStatus.SUBMITTED)
                .extracting(Respondent::userId).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(store(0).drafting(ORG, m)).isEmpty();
        assertThat(store(0).mixSealed() + store(1).mixSealed()).as("nothing left sealed after close").isZero();
    }

    /** Long enough for the other units to reach the row the failing one holds. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code read} on another thread, outside the calling thread's unit. */
    private <T> T elsewhere(Callable<T> read) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return read.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String comment(String user) {
        return "kommentar " + user;
    }

    protected static Submission submission(String user) {
        return new Submission(ReportGroup.MEDARBEJDERE, "hash-s", Map.of("i1", 3), Map.of("t1", comment(user)));
    }
}
