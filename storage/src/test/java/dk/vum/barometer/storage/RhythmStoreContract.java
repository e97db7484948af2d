package dk.vum.barometer.storage;

import dk.vum.barometer.core.model.TeamRhythm;
import dk.vum.barometer.core.store.RhythmStore;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour of every {@link RhythmStore}. */
public abstract class RhythmStoreContract extends FollowUpStoreContract {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void aTeamHasOneRhythmThatIsReplacedAndDeleted() {
        RhythmStore rhythms = storage.rhythms();
        TeamRhythm weekly = new TeamRhythm("team-nord", DayOfWeek.TUESDAY, LocalTime.of(10, 0), 5, 6, null, DAY);
        rhythms.saveRhythm(A, weekly);
        rhythms.saveRhythm(A, new TeamRhythm("team-syd", null, null, null, null, 6, DAY));
        assertThat(rhythms.rhythm(A, "team-nord")).contains(weekly);
        assertThat(rhythms.rhythm(B, "team-nord")).isEmpty();

        TeamRhythm changed = new TeamRhythm("team-nord", DayOfWeek.THURSDAY, LocalTime.of(13, 30), null, null, 12, DAY.plusDays(1));
        rhythms.saveRhythm(A, changed);
        assertThat(rhythms.rhythms(A)).extracting(TeamRhythm::channelId).containsExactly("team-nord", "team-syd");
        assertThat(rhythms.rhythm(A, "team-nord")).contains(changed);

        assertThat(rhythms.claimRepeat(A, "team-nord", 3)).isTrue();
        assertThat(rhythms.claimRepeat(A, "team-nord", 3)).isFalse();
        assertThat(rhythms.claimRepeat(A, "team-nord", 2)).isFalse();
        assertThat(rhythms.claimRepeat(A, "team-nord", 4)).isTrue();
        assertThat(rhythms.claimRepeat(A, "team-vest", 1)).isFalse();
        assertThat(rhythms.claimRepeat(B, "team-nord", 3)).isFalse();
        rhythms.saveRhythm(A, changed);
        assertThat(rhythms.claimRepeat(A, "team-nord", 4)).as("saving keeps the claims").isFalse();

        rhythms.deleteRhythm(A, "team-nord");
        assertThat(rhythms.rhythms(A)).extracting(TeamRhythm::channelId).containsExactly("team-syd");
    }
}
