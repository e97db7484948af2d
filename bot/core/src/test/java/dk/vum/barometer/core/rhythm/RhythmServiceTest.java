package dk.vum.barometer.core.rhythm;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When a round-up or seminar prompt is due: the k-th period's first days, never before, never late. */
class RhythmServiceTest {

    static final LocalDate SINCE = LocalDate.of(2026, 12, 1);

    @Test
    void theKthRoundUpIsDueOnItsDayAndTheTwoDaysAfter() {
        assertThat(RhythmService.period(SINCE, SINCE.plusWeeks(5), 5, ChronoUnit.WEEKS)).contains(1L);
        assertThat(RhythmService.period(SINCE, SINCE.plusWeeks(5).plusDays(2), 5, ChronoUnit.WEEKS)).contains(1L);
        assertThat(RhythmService.period(SINCE, SINCE.plusWeeks(10).plusDays(1), 5, ChronoUnit.WEEKS)).contains(2L);
    }

    @Test
    void nothingIsDueBeforeTheFirstPeriodBetweenPeriodsOrWithoutAPeriod() {
        assertThat(RhythmService.period(SINCE, SINCE, 5, ChronoUnit.WEEKS)).isEmpty();
        assertThat(RhythmService.period(SINCE, SINCE.plusWeeks(5).minusDays(1), 5, ChronoUnit.WEEKS)).isEmpty();
        assertThat(RhythmService.period(SINCE, SINCE.plusWeeks(5).plusDays(RhythmService.PERIOD_WINDOW_DAYS), 5, ChronoUnit.WEEKS)).isEmpty();
        assertThat(RhythmService.period(SINCE, SINCE.plusMonths(7), null, ChronoUnit.MONTHS)).isEqualTo(Optional.empty());
    }

    @Test
    void aSeminarCountsCalendarMonths() {
        assertThat(RhythmService.period(SINCE, LocalDate.of(2027, 6, 1), 6, ChronoUnit.MONTHS)).contains(1L);
        assertThat(RhythmService.period(SINCE, LocalDate.of(2027, 5, 31), 6, ChronoUnit.MONTHS)).isEmpty();
        assertThat(RhythmService.period(SINCE, LocalDate.of(2027, 12, 2), 6, ChronoUnit.MONTHS)).contains(2L);
    }
}
