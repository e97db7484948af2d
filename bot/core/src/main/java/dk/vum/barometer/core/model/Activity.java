package dk.vum.barometer.core.model;

import java.time.LocalDate;

/**
 * An activity of a team's plan (seed 002, 3.6: what, when, who takes part, who is responsible).
 *
 * @param participants who takes part, as written, or null
 * @param doneOn       the day it was marked done, or null while open
 */
public record Activity(int number, String channelId, String title, LocalDate due, String responsible,
                       String participants, CoursePhase phase, LocalDate doneOn, String createdBy) {

    public boolean isDone() {
        return doneOn != null;
    }
}
