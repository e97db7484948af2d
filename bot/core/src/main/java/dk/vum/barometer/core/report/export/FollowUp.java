package dk.vum.barometer.core.report.export;

import java.time.LocalDate;
import java.util.List;

/**
 * What the team has done with its results, for the PDF: the latest checklist answer per area (the
 * implementation group's own, non-anonymous assessment) and the activity plan. Worded by the caller, so the
 * report does not depend on where these are stored; empty lists when the team has none.
 */
public record FollowUp(List<Line> checklist, List<Line> activities) {

    public static final FollowUp NONE = new FollowUp(List.of(), List.of());

    /** @param what an area's title or an activity; status its answer or state; date when answered or due */
    public record Line(String what, String status, LocalDate date) {
    }

    public FollowUp {
        checklist = List.copyOf(checklist);
        activities = List.copyOf(activities);
    }

    public boolean isEmpty() {
        return checklist.isEmpty() && activities.isEmpty();
    }
}
