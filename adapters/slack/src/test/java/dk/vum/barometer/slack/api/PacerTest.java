package dk.vum.barometer.slack.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer's turns on a hand-moved clock: who waits how long, not how fast anything runs. */
class PacerTest {

    long now = 1_000_000_000L;
    final List<Long> waits = new ArrayList<>();
    final Pacer pacer = new Pacer(Duration.ofSeconds(1), () -> now, nanos -> waits.add(nanos));

    @Test
    void callsForOneKeyAreSpacedByTheIntervalAndOtherKeysDoNotWait() {
        pacer.await("D1");
        pacer.await("D1");
        pacer.await("D1");
        pacer.await("D2");
        assertThat(waits).containsExactly(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void timeThatPassedCountsTowardsTheNextTurn() {
        pacer.await("C1");
        now += 400_000_000L;
        pacer.await("C1");
        now += 5_000_000_000L;
        pacer.await("C1");
        assertThat(waits).containsExactly(600_000_000L);
    }

    @Test
    void aZeroIntervalNeverWaits() {
        Pacer none = new Pacer(Duration.ZERO, () -> now, nanos -> waits.add(nanos));
        none.await("C1");
        none.await("C1");
        assertThat(waits).isEmpty();
    }
}
