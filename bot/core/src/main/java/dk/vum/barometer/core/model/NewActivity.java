package dk.vum.barometer.core.model;

import java.time.LocalDate;

/** An activity to add to a team's plan. */
public record NewActivity(String channelId, String title, LocalDate due, String responsible, String participants,
                          CoursePhase phase, String createdBy) {
}
