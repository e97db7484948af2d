package dk.vum.barometer.core.store;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.UserProfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Organisations, their users, roles and settings. */
public interface OrganisationStore {

    /** Creates the organisation if it is new; returns true if it was created. */
    boolean ensureOrganisation(OrgId org, String name);

    /** Every organisation: for background jobs (reminders) that visit each in turn. */
    List<OrgId> organisations();

    /** Records or refreshes a user's display name; keeps their language. */
    void upsertUser(OrgId org, String userId, String displayName);

    void setLanguage(OrgId org, String userId, Language language);

    Optional<UserProfile> user(OrgId org, String userId);

    List<UserProfile> users(OrgId org);

    /**
     * Makes the user coordinator if the organisation has no coordinator yet, atomically.
     * Returns true if the user became coordinator by this call.
     */
    boolean claimFirstCoordinator(OrgId org, String userId);

    void grantRole(OrgId org, String userId, Role role);

    void revokeRole(OrgId org, String userId, Role role);

    Set<Role> roles(OrgId org, String userId);

    /** Everyone holding a role, by user id. */
    Map<String, Set<Role>> roleHolders(OrgId org);

    OrgSettings settings(OrgId org);

    void saveSettings(OrgId org, OrgSettings settings);
}
