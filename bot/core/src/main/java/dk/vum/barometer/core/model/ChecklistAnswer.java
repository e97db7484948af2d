package dk.vum.barometer.core.model;

import java.time.Instant;

/**
 * One answer of a team's implementation group to a check question: who gave it and when are part of
 * it (a shared self-assessment, not anonymous).
 *
 * @param note what the group added, or null
 */
public record ChecklistAnswer(String channelId, int areaNumber, ChecklistVerdict verdict, String note,
                              String answeredBy, Instant answeredAt) {
}
