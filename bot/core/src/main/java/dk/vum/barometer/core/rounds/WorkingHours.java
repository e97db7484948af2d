package dk.vum.barometer.core.rounds;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** When the bot writes to people unasked: weekdays between 09 and 16 (the caller passes Copenhagen time). */
public final class WorkingHours {

    public static final LocalTime FROM = LocalTime.of(9, 0);
    public static final LocalTime UNTIL = LocalTime.of(16, 0);

    private WorkingHours() {
    }

    public static boolean weekday(ZonedDateTime now) {
        return now.getDayOfWeek() != DayOfWeek.SATURDAY && now.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public static boolean contains(ZonedDateTime now) {
        LocalTime time = now.toLocalTime();
        return weekday(now) && !time.isBefore(FROM) && time.isBefore(UNTIL);
    }
}
