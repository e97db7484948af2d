package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.Installation;
import dk.vum.barometer.core.store.InstallationStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** OAuth installations: one row per organisation and workspace, the token sealed by the adapter. */
final class JdbcInstallationStore implements InstallationStore {

    private final Jdbc jdbc;

    JdbcInstallationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveInstallation(Installation i) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO installations (org, team_id, enterprise_id, bot_user_id, bot_token, "
                        + "installer_user_id, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org, team_id) DO UPDATE SET "
                        + "enterprise_id = excluded.enterprise_id, bot_user_id = excluded.bot_user_id, bot_token = excluded.bot_token, "
                        + "installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at",
                i.org().value(), i.teamId(), i.enterpriseId(), i.botUserId(), i.sealedToken(), i.installerUserId(),
                i.installedAt().toEpochMilli()));
    }

    @Override
    public List<Installation> installations(OrgId org) {
        return jdbc.read(c -> Sql.list(c, "SELECT * FROM installations WHERE org = ? ORDER BY installed_at DESC, team_id",
                JdbcInstallationStore::installation, org.value()));
    }

    @Override
    public void deleteInstallations(OrgId org, String teamId) {
        jdbc.write(c -> teamId == null
                ? Sql.update(c, "DELETE FROM installations WHERE org = ?", org.value())
                : Sql.update(c, "DELETE FROM installations WHERE org = ? AND team_id = ?", org.value(), teamId));
    }

    @Override
    public int installationCount(Platform platform) {
        return jdbc.read(c -> Sql.first(c, "SELECT COUNT(*) AS n FROM installations WHERE org LIKE ?",
                rs -> rs.getInt("n"), platform.prefix() + ":%").orElse(0));
    }

    private static Installation installation(ResultSet rs) throws SQLException {
        return new Installation(new OrgId(rs.getString("org")), rs.getString("team_id"), rs.getString("enterprise_id"),
                rs.getString("bot_user_id"), rs.getString("bot_token"), rs.getString("installer_user_id"),
                Instant.ofEpochMilli(rs.getLong("installed_at")));
    }
}
