package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.Installation;
import dk.vum.barometer.core.store.InstallationStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour of every {@link InstallationStore}. */
public abstract class InstallationStoreContract extends FollowUpStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void installationsArePerOrganisationAndWorkspaceAndAReinstallReplaces() {
        InstallationStore store = storage.installations();
        OrgId grid = new OrgId("slack:E1");
        store.saveInstallation(new Installation(A, "TA", "", "U1", "sealed-1", "UI", T0));
        store.saveInstallation(new Installation(A, "TA", "", "U1", "sealed-2", "UI", T0.plusSeconds(60)));
        store.saveInstallation(new Installation(grid, "", "E1", "U2", "sealed-org", "UJ", T0));
        store.saveInstallation(new Installation(grid, "T2", "E1", "U3", "sealed-ws", "UK", T0.plusSeconds(5)));

        assertThat(store.installations(A)).extracting(Installation::sealedToken).containsExactly("sealed-2");
        assertThat(store.installations(grid)).extracting(Installation::teamId).containsExactly("T2", "");
        assertThat(store.installationCount(Platform.SLACK)).isEqualTo(3);
        assertThat(store.installationCount(Platform.TEAMS)).isZero();

        store.deleteInstallations(grid, "T2");
        assertThat(store.installations(grid)).extracting(Installation::teamId).containsExactly("");
        store.deleteInstallations(A, null);
        assertThat(store.installations(A)).isEmpty();
        assertThat(store.installations(grid)).hasSize(1);
    }
}
