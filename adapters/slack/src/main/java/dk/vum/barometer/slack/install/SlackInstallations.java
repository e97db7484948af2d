package dk.vum.barometer.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.Installation;
import dk.vum.barometer.core.store.InstallationStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.slack.api.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bolt's {@link InstallationService} on our database: an OAuth install stores the workspace's bot token
 * sealed ({@link TokenCipher}), every event and every proactive message of that organisation then uses
 * it, and {@code app_uninstalled}/{@code tokens_revoked} (Bolt's own handlers) or a token Slack refuses
 * drop it. The installer becomes the organisation's coordinator when it has none. With a single
 * {@code SLACK_BOT_TOKEN} and no OAuth, that token serves the one workspace until Slack refuses it.
 */
public final class SlackInstallations implements InstallationService, Tokens {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInstallations.class);

    private final InstallationStore store;
    private final OrganisationStore organisations;
    private final TokenCipher cipher;
    private final String singleToken;
    private final Clock clock;
    /** Organisations whose single token Slack refused or whose app was uninstalled: nothing more is sent. */
    private final Set<OrgId> refusedSingle = ConcurrentHashMap.newKeySet();

    public SlackInstallations(InstallationStore store, OrganisationStore organisations, TokenCipher cipher,
                              String singleToken, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.cipher = cipher;
        this.singleToken = singleToken;
        this.clock = clock;
    }

    /** The organisation of a workspace: the Enterprise Grid organisation where there is one. */
    public static OrgId org(String enterpriseId, String teamId) {
        return OrgId.of(Platform.SLACK, enterpriseId != null && !enterpriseId.isBlank() ? enterpriseId : teamId);
    }

    @Override
    public Optional<String> token(OrgId org) {
        if (cipher != null) {
            // An org-wide install first, then the newest workspace install of the organisation.
            List<Installation> all = store.installations(org);
            Optional<Installation> chosen = all.stream().filter(i -> i.teamId().isEmpty()).findFirst().or(() -> all.stream().findFirst());
            if (chosen.isPresent()) return chosen.map(this::open);
        }
        return singleToken == null || refusedSingle.contains(org) ? Optional.empty() : Optional.of(singleToken);
    }

    @Override
    public void refused(OrgId org, String error) {
        LOG.warn("Slack refused the bot token of {} ({}): nothing more is sent there until the app is installed again", org, error);
        drop(org, null);
    }

    public int count() {
        return store.installationCount(Platform.SLACK);
    }

    // ---- Bolt's InstallationService ---------------------------------------------------------------

    @Override
    public void saveInstallerAndBot(Installer installer) {
        OrgId org = org(installer.getEnterpriseId(), installer.getTeamId());
        boolean orgWide = Boolean.TRUE.equals(installer.getIsEnterpriseInstall());
        String team = orgWide || installer.getTeamId() == null ? "" : installer.getTeamId();
        store.saveInstallation(new Installation(org, team, nullToEmpty(installer.getEnterpriseId()), installer.getBotUserId(),
                cipher.seal(aad(org, team), installer.getBotAccessToken()), installer.getInstallerUserId(), clock.instant()));
        refusedSingle.remove(org);
        organisations.ensureOrganisation(org, org.value());
        if (installer.getInstallerUserId() != null && organisations.claimFirstCoordinator(org, installer.getInstallerUserId())) {
            LOG.info("Slack: {} installed the app in {} and is its coordinator", installer.getInstallerUserId(), org);
        }
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (cipher == null || (teamId == null && enterpriseId == null)) return null;
        OrgId org = org(enterpriseId, teamId);
        List<Installation> all = store.installations(org);
        return all.stream().filter(i -> i.teamId().equals(nullToEmpty(teamId))).findFirst()
                .or(() -> all.stream().filter(i -> i.teamId().isEmpty()).findFirst())
                .map(i -> bot(i, enterpriseId, teamId)).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null; // the bot asks for no user tokens
    }

    @Override
    public void deleteBot(Bot bot) {
        OrgId org = org(bot.getEnterpriseId(), bot.getTeamId());
        boolean workspaceOnly = bot.getEnterpriseId() != null && !Boolean.TRUE.equals(bot.getIsEnterpriseInstall())
                && bot.getTeamId() != null;
        drop(org, workspaceOnly ? bot.getTeamId() : null);
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // No user tokens are kept.
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        OrgId org = org(enterpriseId, teamId);
        boolean workspaceOfGrid = enterpriseId != null && teamId != null
                && store.installations(org).stream().anyMatch(i -> i.teamId().equals(teamId));
        drop(org, workspaceOfGrid ? teamId : null);
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) throw new UnsupportedOperationException("only the latest installation is kept");
    }

    private void drop(OrgId org, String teamId) {
        store.deleteInstallations(org, teamId);
        if (teamId == null) refusedSingle.add(org);
        LOG.info("Slack: dropped the bot token of {}{}", org, teamId == null ? "" : " (workspace " + teamId + ")");
    }

    private Bot bot(Installation i, String enterpriseId, String teamId) {
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(i.enterpriseId().isEmpty() ? null : i.enterpriseId());
        bot.setTeamId(i.teamId().isEmpty() ? teamId : i.teamId());
        bot.setIsEnterpriseInstall(i.teamId().isEmpty() && enterpriseId != null);
        bot.setBotUserId(i.botUserId());
        bot.setBotAccessToken(open(i));
        bot.setInstalledAt(i.installedAt().toEpochMilli());
        return bot;
    }

    private String open(Installation i) {
        return cipher.open(aad(i.org(), i.teamId()), i.sealedToken());
    }

    private static String aad(OrgId org, String team) {
        return org.value() + "|" + team;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
