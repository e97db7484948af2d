package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.TeamRhythm;
import dk.vum.barometer.core.store.RhythmStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Each team's follow-up rhythm: one row per team channel. */
final class JdbcRhythmStore implements RhythmStore {

    private static final String SELECT = "SELECT channel_id, meeting_day, meeting_time, roundup_weeks, seminar_months, "
            + "repeat_months, since FROM team_rhythms WHERE org = ?";

    private final Jdbc jdbc;

    JdbcRhythmStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveRhythm(OrgId org, TeamRhythm r) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO team_rhythms (org, channel_id, meeting_day, meeting_time, "
                        + "roundup_weeks, seminar_months, repeat_months, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (org, channel_id) DO UPDATE SET meeting_day = excluded.meeting_day, "
                        + "meeting_time = excluded.meeting_time, roundup_weeks = excluded.roundup_weeks, "
                        + "seminar_months = excluded.seminar_months, repeat_months = excluded.repeat_months, "
                        + "since = excluded.since",
                org.value(), r.channelId(), r.meetingDay() == null ? null : r.meetingDay().getValue(),
                r.meetingTime() == null ? null : r.meetingTime().toString(), r.roundupWeeks(), r.seminarMonths(),
                r.repeatMonths(), r.since()));
    }

    @Override
    public void deleteRhythm(OrgId org, String channelId) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM team_rhythms WHERE org = ? AND channel_id = ?", org.value(), channelId));
    }

    @Override
    public Optional<TeamRhythm> rhythm(OrgId org, String channelId) {
        return jdbc.read(c -> Sql.first(c, SELECT + " AND channel_id = ?", JdbcRhythmStore::rhythm, org.value(), channelId));
    }

    @Override
    public List<TeamRhythm> rhythms(OrgId org) {
        return jdbc.read(c -> Sql.list(c, SELECT + " ORDER BY channel_id", JdbcRhythmStore::rhythm, org.value()));
    }

    @Override
    public boolean claimRepeat(OrgId org, String channelId, int measurement) {
        return jdbc.write(c -> Sql.update(c, "UPDATE team_rhythms SET repeated_from = ? WHERE org = ? AND channel_id = ? "
                + "AND (repeated_from IS NULL OR repeated_from < ?)", measurement, org.value(), channelId, measurement) == 1);
    }

    private static TeamRhythm rhythm(ResultSet rs) throws SQLException {
        Integer day = Sql.nullableInt(rs, "meeting_day");
        String time = rs.getString("meeting_time");
        return new TeamRhythm(rs.getString("channel_id"), day == null ? null : DayOfWeek.of(day),
                time == null ? null : LocalTime.parse(time), Sql.nullableInt(rs, "roundup_weeks"),
                Sql.nullableInt(rs, "seminar_months"), Sql.nullableInt(rs, "repeat_months"), Sql.date(rs, "since"));
    }
}
