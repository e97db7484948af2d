package dk.vum.barometer.core.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A team's follow-up rhythm (seed 002, 3.7). Each part is optional (null: not prompted).
 *
 * @param meetingDay    the weekday of the team meeting
 * @param meetingTime   when it starts (Copenhagen time)
 * @param roundupWeeks  a round-up prompt every this many weeks (4-6)
 * @param seminarMonths a seminar prompt every this many months (usually 6)
 * @param repeatMonths  a repeated measurement every this many months
 * @param since         the day the rhythm was set: periods count from it
 */
public record TeamRhythm(String channelId, DayOfWeek meetingDay, LocalTime meetingTime, Integer roundupWeeks,
                         Integer seminarMonths, Integer repeatMonths, LocalDate since) {
}
