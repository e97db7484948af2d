package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.TeamRhythm;

import java.util.List;
import java.util.Optional;

/** Each team's follow-up rhythm. */
public interface RhythmStore {

    /** Saves (or replaces) the rhythm of the team in {@link TeamRhythm#channelId()}. */
    void saveRhythm(OrgId org, TeamRhythm rhythm);

    void deleteRhythm(OrgId org, String channelId);

    Optional<TeamRhythm> rhythm(OrgId org, String channelId);

    List<TeamRhythm> rhythms(OrgId org);

    /**
     * Claims the automatic repetition of the team's measurement {@code measurement}: true for the one caller
     * that claims it first, false for every later claim of it (or of an earlier measurement), false
     * without a rhythm.
     */
    boolean claimRepeat(OrgId org, String channelId, int measurement);
}
