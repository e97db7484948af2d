package dk.vum.barometer.storage;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of organisations, their users, roles and settings, on every database. */
public abstract class OrganisationStoreContract extends StorageContract {

    @Test
    void anOrganisationIsCreatedOnce() {
        assertThat(store.ensureOrganisation(A, "Aarhus")).isTrue();
        assertThat(store.ensureOrganisation(A, "Aarhus igen")).isFalse();
        assertThat(store.ensureOrganisation(B, "Billund")).isTrue();
        assertThat(store.organisations()).containsExactly(A, B);
    }

    @Test
    void aUserKeepsTheirLanguageWhenTheirNameIsRefreshed() {
        store.upsertUser(A, "U1", "Anna");
        assertThat(store.user(A, "U1")).contains(new UserProfile(A, "U1", "Anna", null));

        store.setLanguage(A, "U1", Language.EN);
        store.upsertUser(A, "U1", "Anna Berg");
        store.upsertUser(A, "U1", null);

        assertThat(store.user(A, "U1")).contains(new UserProfile(A, "U1", "Anna Berg", Language.EN));
    }

    @Test
    void choosingALanguageRecordsAnUnknownUser() {
        store.setLanguage(A, "U9", Language.DA);

        assertThat(store.user(A, "U9")).contains(new UserProfile(A, "U9", null, Language.DA));
    }

    @Test
    void usersBelongToTheirOrganisation() {
        store.upsertUser(A, "U1", "Anna");
        store.upsertUser(A, "U2", "Bo");
        store.upsertUser(B, "U1", "Other Anna");

        assertThat(store.users(A)).extracting(UserProfile::displayName).containsExactly("Anna", "Bo");
        assertThat(store.users(B)).extracting(UserProfile::displayName).containsExactly("Other Anna");
        assertThat(store.user(B, "U2")).isEmpty();
    }

    @Test
    void onlyTheFirstUserBecomesCoordinatorByClaiming() {
        assertThat(store.claimFirstCoordinator(A, "U1")).isTrue();
        assertThat(store.claimFirstCoordinator(A, "U2")).isFalse();
        assertThat(store.claimFirstCoordinator(A, "U1")).isFalse();
        assertThat(store.claimFirstCoordinator(B, "U2")).isTrue();

        assertThat(store.roles(A, "U1")).containsExactly(Role.COORDINATOR);
        assertThat(store.roles(A, "U2")).isEmpty();
    }

    @Test
    void noCoordinatorCanBeClaimedOnceOneWasGranted() {
        store.grantRole(A, "U1", Role.COORDINATOR);

        assertThat(store.claimFirstCoordinator(A, "U2")).isFalse();
    }

    @Test
    void rolesAreGrantedAndRevokedPerOrganisation() {
        store.grantRole(A, "U1", Role.COORDINATOR);
        store.grantRole(A, "U1", Role.TEAM_LEADER);
        store.grantRole(A, "U1", Role.TEAM_LEADER);
        store.grantRole(A, "U2", Role.TEAM_LEADER);
        store.grantRole(B, "U3", Role.COORDINATOR);

        assertThat(store.roles(A, "U1")).containsExactlyInAnyOrder(Role.COORDINATOR, Role.TEAM_LEADER);
        assertThat(store.roleHolders(A)).isEqualTo(Map.of(
                "U1", Set.of(Role.COORDINATOR, Role.TEAM_LEADER),
                "U2", Set.of(Role.TEAM_LEADER)));

        store.revokeRole(A, "U1", Role.COORDINATOR);
        store.revokeRole(A, "U3", Role.COORDINATOR);

        assertThat(store.roles(A, "U1")).containsExactly(Role.TEAM_LEADER);
        assertThat(store.roleHolders(B)).isEqualTo(Map.of("U3", Set.of(Role.COORDINATOR)));
    }

    @Test
    void settingsDefaultUntilSavedAndBelongToTheirOrganisation() {
        assertThat(store.settings(A)).isEqualTo(OrgSettings.DEFAULTS);

        store.saveSettings(A, new OrgSettings(4, 8));
        store.saveSettings(A, new OrgSettings(6, 12));

        assertThat(store.settings(A)).isEqualTo(new OrgSettings(6, 12));
        assertThat(store.settings(B)).isEqualTo(OrgSettings.DEFAULTS);
    }
}
