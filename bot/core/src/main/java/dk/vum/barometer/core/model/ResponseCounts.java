package dk.vum.barometer.core.model;

/** How many of a group are registered and how many have submitted; never who. */
public record ResponseCounts(ReportGroup group, int registered, int submitted) {
}
