package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.time.Instant;

/**
 * The bot installed in one workspace (or, with an empty {@code teamId}, org-wide in an Enterprise Grid
 * organisation) through the platform's OAuth install.
 *
 * @param org             the organisation the installation serves
 * @param teamId          the workspace; "" for an org-wide install
 * @param enterpriseId    the Enterprise Grid organisation; "" when there is none
 * @param botUserId       the bot's user id in the workspace
 * @param sealedToken     the bot token as the adapter sealed it: the store never holds it in clear
 * @param installerUserId who installed the app
 * @param installedAt     when
 */
public record Installation(OrgId org, String teamId, String enterpriseId, String botUserId, String sealedToken,
                           String installerUserId, Instant installedAt) {
}
