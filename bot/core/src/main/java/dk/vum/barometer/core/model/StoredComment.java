package dk.vum.barometer.core.model;

/** An anonymous comment: not linked to a response or a person. */
public record StoredComment(ReportGroup group, String themeId, String text) {
}
