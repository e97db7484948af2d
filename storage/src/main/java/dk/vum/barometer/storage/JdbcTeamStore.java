package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.TeamStore;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Team leaders per team channel. */
final class JdbcTeamStore implements TeamStore {

    private final Jdbc jdbc;

    JdbcTeamStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void grantTeamLeader(OrgId org, String userId, String channelId) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO team_leaders (org, channel_id, user_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (org, channel_id, user_id) DO NOTHING", org.value(), channelId, userId));
    }

    @Override
    public void revokeTeamLeader(OrgId org, String userId, String channelId) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM team_leaders WHERE org = ? AND channel_id = ? AND user_id = ?",
                org.value(), channelId, userId));
    }

    @Override
    public void revokeAllTeams(OrgId org, String userId) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM team_leaders WHERE org = ? AND user_id = ?", org.value(), userId));
    }

    @Override
    public Set<String> teamsLedBy(OrgId org, String userId) {
        return new LinkedHashSet<>(jdbc.read(c -> Sql.list(c,
                "SELECT channel_id FROM team_leaders WHERE org = ? AND user_id = ? ORDER BY channel_id",
                rs -> rs.getString("channel_id"), org.value(), userId)));
    }

    @Override
    public Map<String, Set<String>> teamLeaderGrants(OrgId org) {
        List<Map.Entry<String, String>> rows = jdbc.read(c -> Sql.list(c,
                "SELECT user_id, channel_id FROM team_leaders WHERE org = ? ORDER BY user_id, channel_id",
                rs -> Map.entry(rs.getString("user_id"), rs.getString("channel_id")), org.value()));
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : rows) {
            grants.computeIfAbsent(row.getKey(), u -> new LinkedHashSet<>()).add(row.getValue());
        }
        return grants;
    }
}
