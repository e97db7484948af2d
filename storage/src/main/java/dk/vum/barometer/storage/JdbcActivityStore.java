package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.model.CoursePhase;
import dk.vum.barometer.core.model.NewActivity;
import dk.vum.barometer.core.store.ActivityStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The activity plan. */
final class JdbcActivityStore implements ActivityStore {

    private static final String SELECT = "SELECT number, channel_id, title, due, responsible, participants, phase, "
            + "done_on, created_by FROM activities WHERE org = ?";

    private final Jdbc jdbc;

    JdbcActivityStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Racing additions take turns on a lock named for the organisation, so each gets its own number. */
    @Override
    public List<Activity> addActivities(OrgId org, List<NewActivity> activities) {
        return jdbc.write(c -> {
            jdbc.dialect().lock(c, "activities:" + org.value());
            int next = Sql.first(c, "SELECT COALESCE(MAX(number), 0) + 1 AS next FROM activities WHERE org = ?",
                    rs -> rs.getInt("next"), org.value()).orElse(1);
            List<Activity> added = new ArrayList<>();
            for (NewActivity a : activities) {
                int number = next++;
                Sql.update(c, "INSERT INTO activities (org, number, channel_id, title, due, responsible, participants, "
                                + "phase, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        org.value(), number, a.channelId(), a.title(), a.due(), a.responsible(), a.participants(),
                        a.phase(), a.createdBy());
                added.add(new Activity(number, a.channelId(), a.title(), a.due(), a.responsible(), a.participants(),
                        a.phase(), null, a.createdBy()));
            }
            return added;
        });
    }

    @Override
    public Optional<Activity> activity(OrgId org, int number) {
        return jdbc.read(c -> Sql.first(c, SELECT + " AND number = ?", JdbcActivityStore::activity, org.value(), number));
    }

    @Override
    public List<Activity> activities(OrgId org, String channelId) {
        return jdbc.read(c -> Sql.list(c, SELECT + " AND channel_id = ? ORDER BY due, number",
                JdbcActivityStore::activity, org.value(), channelId));
    }

    @Override
    public List<Activity> openActivities(OrgId org) {
        return jdbc.read(c -> Sql.list(c, SELECT + " AND done_on IS NULL ORDER BY due, number",
                JdbcActivityStore::activity, org.value()));
    }

    @Override
    public boolean completeActivity(OrgId org, int number, LocalDate on) {
        return jdbc.write(c -> Sql.update(c,
                "UPDATE activities SET done_on = ? WHERE org = ? AND number = ? AND done_on IS NULL",
                on, org.value(), number) == 1);
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getInt("number"), rs.getString("channel_id"), rs.getString("title"),
                Sql.date(rs, "due"), rs.getString("responsible"), rs.getString("participants"),
                CoursePhase.valueOf(rs.getString("phase")), Sql.date(rs, "done_on"), rs.getString("created_by"));
    }
}
