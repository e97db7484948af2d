package dk.vum.barometer.storage;

import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.model.CoursePhase;
import dk.vum.barometer.core.model.NewActivity;
import dk.vum.barometer.core.store.ActivityStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour of every {@link ActivityStore}. */
public abstract class ActivityStoreContract extends FollowUpStoreContract {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    private static NewActivity activity(String channel, String title, LocalDate due) {
        return new NewActivity(channel, title, due, "lars", "hele teamet", CoursePhase.FORBEREDELSE, "tina");
    }

    @Test
    void activitiesAreNumberedPerOrganisationAndListedByDueDate() {
        ActivityStore plan = storage.activities();
        List<Activity> added = plan.addActivities(A, List.of(activity("team-nord", "Temadag", DAY.plusDays(7)),
                activity("team-nord", "Oplæring", DAY)));
        plan.addActivities(A, List.of(activity("team-syd", "Opsamling", DAY)));
        plan.addActivities(B, List.of(activity("team-nord", "Andet sted", DAY)));

        assertThat(added).extracting(Activity::number).containsExactly(1, 2);
        assertThat(plan.activities(A, "team-nord")).extracting(Activity::title).containsExactly("Oplæring", "Temadag");
        assertThat(plan.activity(A, 3)).get().extracting(Activity::channelId).isEqualTo("team-syd");
        assertThat(plan.activity(B, 1)).get().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Andet sted");
            assertThat(a.participants()).isEqualTo("hele teamet");
            assertThat(a.phase()).isEqualTo(CoursePhase.FORBEREDELSE);
            assertThat(a.isDone()).isFalse();
        });
        assertThat(plan.activity(B, 2)).isEmpty();
    }

    @Test
    void anActivityIsCompletedOnceAndLeavesTheOpenList() {
        ActivityStore plan = storage.activities();
        plan.addActivities(A, List.of(activity("team-nord", "Temadag", DAY), activity("team-nord", "Oplæring", DAY)));

        assertThat(plan.completeActivity(A, 1, DAY)).isTrue();
        assertThat(plan.completeActivity(A, 1, DAY.plusDays(1))).isFalse();
        assertThat(plan.completeActivity(A, 9, DAY)).isFalse();

        assertThat(plan.activity(A, 1)).get().extracting(Activity::doneOn).isEqualTo(DAY);
        assertThat(plan.openActivities(A)).extracting(Activity::number).containsExactly(2);
        assertThat(plan.openActivities(B)).isEmpty();
    }
}
