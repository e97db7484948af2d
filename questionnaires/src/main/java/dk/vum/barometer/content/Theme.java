package dk.vum.barometer.content;

/**
 * A theme groups statements; it points at the checklist area whose reflection questions
 * are posted for it at the team meeting.
 */
public record Theme(String id, Text title, String checklistArea) {
}
