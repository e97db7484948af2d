package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.model.NewActivity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The activity plan: activities numbered per organisation, each belonging to a team's channel. */
public interface ActivityStore {

    /** Adds the activities in one transaction, numbering them in order. */
    List<Activity> addActivities(OrgId org, List<NewActivity> activities);

    Optional<Activity> activity(OrgId org, int number);

    /** A team's activities, by due date. */
    List<Activity> activities(OrgId org, String channelId);

    /** Every activity of the organisation not done yet, by due date: for reminders. */
    List<Activity> openActivities(OrgId org);

    /** Marks an activity done; false if it was done already (or does not exist). */
    boolean completeActivity(OrgId org, int number, LocalDate on);
}
