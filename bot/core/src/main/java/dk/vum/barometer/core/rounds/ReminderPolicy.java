package dk.vum.barometer.core.rounds;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;

/**
 * When automatic reminders go out: at most two rounds, on the configured days before the deadline,
 * on weekdays between 09 and 16 (the caller passes Copenhagen time). A round whose day has come is sent
 * at the first allowed moment; when a later round's day has also come (the server was down, or the
 * round started late), only the later one is sent, so nobody gets two reminders in a row. Never on
 * the day the invitations went out, and never after the deadline.
 */
public final class ReminderPolicy {

    public static final int MAX_ROUNDS = 2;

    private final List<Integer> daysBefore;

    /** @param daysBefore days before the deadline, e.g. [3, 1]; only the first two (largest) are used */
    public ReminderPolicy(List<Integer> daysBefore) {
        this.daysBefore = daysBefore.stream().filter(d -> d >= 0).distinct()
                .sorted((a, b) -> b - a).limit(MAX_ROUNDS).toList();
    }

    /** The reminder count to move to now, if a round is due. */
    public OptionalInt dueRound(ZonedDateTime now, LocalDate deadline, LocalDate openedOn, int roundsSent) {
        LocalDate today = now.toLocalDate();
        if (roundsSent >= daysBefore.size()) return OptionalInt.empty();
        if (!WorkingHours.contains(now)) return OptionalInt.empty();
        if (today.isAfter(deadline) || openedOn == null || !today.isAfter(openedOn)) return OptionalInt.empty();
        int due = 0;
        for (int round = roundsSent + 1; round <= daysBefore.size(); round++) {
            if (!today.isBefore(deadline.minusDays(daysBefore.get(round - 1)))) due = round;
        }
        return due == 0 ? OptionalInt.empty() : OptionalInt.of(due);
    }
}
