package dk.vum.barometer.storage;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Organisations, users, roles and settings. A user's language is null until they choose one. */
final class JdbcOrganisationStore implements OrganisationStore {

    private static final String SELECT_USER = "SELECT user_id, display_name, language FROM users WHERE org = ?";

    private static final int MAX_REMEMBERED = 100_000;

    /** A user's display name as it was found stored. */
    private record UserName(OrgId org, String userId, String displayName) {
    }

    private final Jdbc jdbc;
    private final Map<OrgId, Boolean> known = new ConcurrentHashMap<>();
    private final Map<UserName, Boolean> names = new ConcurrentHashMap<>();

    JdbcOrganisationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Known to exist: an organisation is never deleted, so once seen it needs no write again. */
    @Override
    public boolean ensureOrganisation(OrgId org, String name) {
        if (known.containsKey(org)) return false;
        boolean created = jdbc.write(c -> Sql.update(c,
                "INSERT INTO organisations (org, name) VALUES (?, ?) ON CONFLICT (org) DO NOTHING",
                org.value(), name) == 1);
        // only what is committed is remembered: the unit that found or wrote it may still roll back
        jdbc.afterCommit(() -> known.put(org, Boolean.TRUE));
        return created;
    }

    @Override
    public List<OrgId> organisations() {
        return jdbc.read(c -> Sql.list(c, "SELECT org FROM organisations ORDER BY org", rs -> new OrgId(rs.getString("org"))));
    }

    /** Writes only a name that differs from the stored one, and skips the database for a name it saw stored. */
    @Override
    public void upsertUser(OrgId org, String userId, String displayName) {
        UserName key = new UserName(org, userId, displayName);
        if (displayName != null && names.containsKey(key)) return;
        jdbc.write(c -> Sql.update(c,
                "INSERT INTO users (org, user_id, display_name) VALUES (?, ?, ?) ON CONFLICT (org, user_id) "
                        + "DO UPDATE SET display_name = excluded.display_name "
                        + "WHERE excluded.display_name IS NOT NULL AND users.display_name IS DISTINCT FROM excluded.display_name",
                org.value(), userId, displayName));
        if (displayName != null) {
            jdbc.afterCommit(() -> {
                if (names.size() >= MAX_REMEMBERED) names.clear();
                names.put(key, Boolean.TRUE);
            });
        }
    }

    @Override
    public void setLanguage(OrgId org, String userId, Language language) {
        jdbc.write(c -> Sql.update(c,
                "INSERT INTO users (org, user_id, language) VALUES (?, ?, ?) ON CONFLICT (org, user_id) "
                        + "DO UPDATE SET language = excluded.language",
                org.value(), userId, language));
    }

    @Override
    public Optional<UserProfile> user(OrgId org, String userId) {
        return jdbc.read(c -> Sql.first(c, SELECT_USER + " AND user_id = ?", rs -> profile(org, rs), org.value(), userId));
    }

    @Override
    public List<UserProfile> users(OrgId org) {
        return jdbc.read(c -> Sql.list(c, SELECT_USER + " ORDER BY user_id", rs -> profile(org, rs), org.value()));
    }

    /** Racing claims take turns on a lock named for the organisation, so the second sees the first. */
    @Override
    public boolean claimFirstCoordinator(OrgId org, String userId) {
        return jdbc.write(c -> {
            jdbc.dialect().lock(c, "coordinator:" + org.value());
            return Sql.update(c, "INSERT INTO user_roles (org, user_id, role) SELECT ?, ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM user_roles WHERE org = ? AND role = ?)",
                    org.value(), userId, Role.COORDINATOR, org.value(), Role.COORDINATOR) == 1;
        });
    }

    @Override
    public void grantRole(OrgId org, String userId, Role role) {
        jdbc.write(c -> Sql.update(c,
                "INSERT INTO user_roles (org, user_id, role) VALUES (?, ?, ?) ON CONFLICT (org, user_id, role) DO NOTHING",
                org.value(), userId, role));
    }

    @Override
    public void revokeRole(OrgId org, String userId, Role role) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM user_roles WHERE org = ? AND user_id = ? AND role = ?",
                org.value(), userId, role));
    }

    @Override
    public Set<Role> roles(OrgId org, String userId) {
        List<Role> roles = jdbc.read(c -> Sql.list(c, "SELECT role FROM user_roles WHERE org = ? AND user_id = ?",
                rs -> Role.valueOf(rs.getString("role")), org.value(), userId));
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    @Override
    public Map<String, Set<Role>> roleHolders(OrgId org) {
        List<Map.Entry<String, Role>> rows = jdbc.read(c -> Sql.list(c,
                "SELECT user_id, role FROM user_roles WHERE org = ? ORDER BY user_id",
                rs -> Map.entry(rs.getString("user_id"), Role.valueOf(rs.getString("role"))), org.value()));
        Map<String, Set<Role>> holders = new LinkedHashMap<>();
        for (Map.Entry<String, Role> row : rows) {
            holders.computeIfAbsent(row.getKey(), u -> EnumSet.noneOf(Role.class)).add(row.getValue());
        }
        return holders;
    }

    @Override
    public OrgSettings settings(OrgId org) {
        return jdbc.read(c -> settings(c, org));
    }

    static OrgSettings settings(Connection c, OrgId org) throws SQLException {
        return Sql.first(c, "SELECT min_group_for_scores, min_group_for_comments FROM org_settings WHERE org = ?",
                rs -> new OrgSettings(rs.getInt("min_group_for_scores"), rs.getInt("min_group_for_comments")),
                org.value()).orElse(OrgSettings.DEFAULTS);
    }

    @Override
    public void saveSettings(OrgId org, OrgSettings settings) {
        jdbc.write(c -> Sql.update(c,
                "INSERT INTO org_settings (org, min_group_for_scores, min_group_for_comments) VALUES (?, ?, ?) "
                        + "ON CONFLICT (org) DO UPDATE SET min_group_for_scores = excluded.min_group_for_scores, "
                        + "min_group_for_comments = excluded.min_group_for_comments",
                org.value(), settings.minGroupForScores(), settings.minGroupForComments()));
    }

    private static UserProfile profile(OrgId org, ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        return new UserProfile(org, rs.getString("user_id"), rs.getString("display_name"),
                language == null ? null : Language.valueOf(language));
    }
}
