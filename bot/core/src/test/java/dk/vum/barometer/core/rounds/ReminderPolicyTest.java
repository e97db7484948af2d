package dk.vum.barometer.core.rounds;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPolicyTest {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    final ReminderPolicy policy = new ReminderPolicy(List.of(1, 3));
    // Friday 11 December 2026; three days before is Tuesday 8 December.
    final LocalDate deadline = LocalDate.of(2026, 12, 11);
    final LocalDate opened = LocalDate.of(2026, 12, 1);

    static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, CPH);
    }

    @Test
    void firstRoundThreeDaysBeforeWithinWorkingHours() {
        assertThat(policy.dueRound(at(7, 12, 0), deadline, opened, 0)).isEmpty();
        assertThat(policy.dueRound(at(8, 8, 59), deadline, opened, 0)).isEmpty();
        assertThat(policy.dueRound(at(8, 9, 0), deadline, opened, 0)).hasValue(1);
        assertThat(policy.dueRound(at(8, 16, 0), deadline, opened, 0)).isEmpty();
        assertThat(policy.dueRound(at(9, 10, 0), deadline, opened, 1)).isEmpty();
        assertThat(policy.dueRound(at(10, 10, 0), deadline, opened, 1)).hasValue(2);
        assertThat(policy.dueRound(at(10, 10, 0), deadline, opened, 2)).isEmpty();
    }

    @Test
    void lateStartSendsOnlyTheLatestDueRoundAndNeverOnTheInvitationDay() {
        LocalDate lateOpen = LocalDate.of(2026, 12, 9);
        assertThat(policy.dueRound(at(9, 10, 0), deadline, lateOpen, 0)).isEmpty();
        assertThat(policy.dueRound(at(10, 10, 0), deadline, lateOpen, 0)).hasValue(2);
    }

    @Test
    void noRemindersAtWeekendsOrAfterTheDeadline() {
        LocalDate mondayDeadline = LocalDate.of(2026, 12, 14);
        // Saturday 12 and Sunday 13 are skipped; Friday 11 is three days before.
        assertThat(policy.dueRound(at(12, 12, 0), mondayDeadline, opened, 1)).isEmpty();
        assertThat(policy.dueRound(at(13, 12, 0), mondayDeadline, opened, 1)).isEmpty();
        assertThat(policy.dueRound(at(14, 12, 0), mondayDeadline, opened, 1)).hasValue(2);
        assertThat(policy.dueRound(at(15, 12, 0), mondayDeadline, opened, 1)).isEmpty();
        assertThat(policy.dueRound(at(8, 12, 0), deadline, null, 0)).isEmpty();
    }
}
