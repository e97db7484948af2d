package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;

import java.util.List;

/**
 * Installations of the bot by OAuth, one per workspace (or one org-wide per Enterprise Grid organisation).
 * Uninstalling drops them: the tokens go, the organisation's data stays until it is deleted.
 */
public interface InstallationStore {

    /** Saves an installation, replacing the earlier one of the same organisation and workspace (a reinstall). */
    void saveInstallation(Installation installation);

    /** The organisation's installations, the newest first. */
    List<Installation> installations(OrgId org);

    /** Drops the installation of one workspace, or every installation of the organisation when {@code teamId} is null. */
    void deleteInstallations(OrgId org, String teamId);

    /** How many installations there are on a platform. */
    int installationCount(Platform platform);
}
