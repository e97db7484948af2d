package dk.vum.barometer.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.files.HostedFile;
import dk.vum.barometer.core.home.HomeMessages;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.store.AdapterStateStore;
import dk.vum.barometer.core.store.InstallationStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.slack.api.ConversationPoster;
import dk.vum.barometer.slack.api.DirectChannels;
import dk.vum.barometer.slack.api.FileUploads;
import dk.vum.barometer.slack.api.Pacer;
import dk.vum.barometer.slack.api.SlackClients;
import dk.vum.barometer.slack.api.UserNames;
import dk.vum.barometer.slack.blockkit.FormStash;
import dk.vum.barometer.slack.http.JavalinSlackBridge;
import dk.vum.barometer.slack.http.RequestSignature;
import dk.vum.barometer.slack.install.SignedOAuthState;
import dk.vum.barometer.slack.install.SlackInstallations;
import dk.vum.barometer.slack.install.TokenCipher;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The barometer in Slack: a Bolt app whose requests arrive at {@code POST /slack/events} on the host's
 * Javalin server (events, slash commands, interactivity and options on one URL), or over Socket Mode when
 * an app-level token is set, and a {@link MessageSender} for the outbox. With OAuth configured, workspaces
 * install the app at {@code GET /slack/install} (Bolt's OAuth flow, the callback at
 * {@code /slack/oauth_redirect}) and every organisation is served with its own stored token.
 *
 * <pre>
 * SlackPlugin slack = new SlackPlugin(settings, bot, home, new SlackPlugin.Stores(storage, storage, storage, storage), clock);
 * Javalin.create(config -&gt; slack.register(config));
 * senders.put(Platform.SLACK, slack.sender());
 * slack.start();
 * </pre>
 */
public final class SlackPlugin implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    /** The bot scopes an install asks for; the manifests list the same. */
    public static final String SCOPES = "commands,chat:write,chat:write.public,im:write,im:history,users:read,"
            + "files:write,channels:read,groups:read,channels:join";
    private static final Logger LOG = LoggerFactory.getLogger(SlackPlugin.class);
    private static final int WORKERS = 4;

    /** What the adapter keeps in the database. */
    public record Stores(OrganisationStore organisations, AdapterStateStore state, OutboxStore outbox,
                         InstallationStore installations) {
    }

    private final SlackSettings settings;
    private final App app;
    private final SlackInbox inbox;
    private final SlackMessageSender sender;
    private final SlackInstallations installations;
    private final JavalinSlackBridge bridge;
    private SocketModeConnection socketMode;

    /** Without charts or files to upload (adapter tests). */
    public SlackPlugin(SlackSettings settings, ChatBot bot, HomeMessages home, Stores stores, Clock clock) {
        this(settings, bot, home, stores, url -> Optional.empty(), clock);
    }

    /** @param files the hosted file behind a chart's or export's link, uploaded where a message shows it */
    public SlackPlugin(SlackSettings settings, ChatBot bot, HomeMessages home, Stores stores,
                       Function<String, Optional<HostedFile>> files, Clock clock) {
        this.settings = settings;
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        Slack slack = Slack.getInstance(slackConfig);

        AppConfig config = new AppConfig();
        config.setSlack(slack);
        config.setSigningSecret(settings.signingSecret());
        // The bridge has checked the signature before Bolt sees the request: in constant time, both ways
        // in time, with the host's clock. Socket Mode needs no signature.
        config.setRequestVerificationEnabled(false);
        config.setAllEventsApiAutoAckEnabled(true);
        config.setSubtypedMessageEventsAutoAckEnabled(true);
        config.setAuthTestCacheEnabled(true);
        SlackSettings.OAuth oauth = settings.oauth();
        if (oauth != null) {
            if (settings.botToken() != null) LOG.warn("Slack: SLACK_BOT_TOKEN is ignored with OAuth; every workspace installs at {}", INSTALL_PATH);
            config.setClientId(oauth.clientId());
            config.setClientSecret(oauth.clientSecret());
            config.setScope(SCOPES);
            config.setUserScope(null);
            config.setOauthInstallPath(INSTALL_PATH);
            config.setOauthRedirectUriPath(REDIRECT_PATH);
            // Straight to Slack's authorize page, as an "Add to Slack" link expects.
            config.setOAuthInstallPageRenderingEnabled(false);
        } else {
            config.setSingleTeamBotToken(settings.botToken());
        }
        this.app = new App(config);
        this.installations = new SlackInstallations(stores.installations(), stores.organisations(),
                oauth == null ? null : new TokenCipher(oauth.tokenKey().get()), oauth == null ? settings.botToken() : null, clock);
        app.service(installations);
        if (oauth != null) {
            app.service(new SignedOAuthState(oauth.stateSecret(), clock));
            app.asOAuthApp(true);
        }
        app.enableTokenRevocationHandlers();

        SlackClients clients = new SlackClients(slack, installations);
        FormStash forms = new FormStash(stores.state());
        ConversationPoster poster = new ConversationPoster(clients, stores.state(), forms, new Pacer(settings.channelInterval()),
                new FileUploads(clients, files));
        DirectChannels directs = new DirectChannels(clients, stores.state(), new Pacer(settings.openInterval()));
        SlackReplies replies = new SlackReplies(slack, clients, poster, forms, stores.outbox());
        this.inbox = new SlackInbox(bot, home, stores.organisations(), directs, new UserNames(clients), replies, forms, clients, WORKERS);
        new SlackListeners(inbox).register(app);
        this.sender = new SlackMessageSender(directs, poster, new Directory(stores.organisations(), SlackText.CHANNELS));
        this.bridge = new JavalinSlackBridge(app, settings.http() ? new RequestSignature(settings.signingSecret(), clock) : null);
    }

    /**
     * Adds {@code POST /slack/events} when a signing secret is set (HTTP mode), and the install pages when
     * OAuth is configured.
     */
    public void register(JavalinConfig config) {
        if (settings.http()) config.routes.post(EVENTS_PATH, bridge);
        if (settings.distributed()) {
            config.routes.get(INSTALL_PATH, bridge::handleOAuth);
            config.routes.get(REDIRECT_PATH, bridge::handleOAuth);
        }
    }

    public MessageSender sender() {
        return sender;
    }

    /** Checks the bot token (auth.test) and connects over Socket Mode when an app-level token is set. */
    public void start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            // Bolt tries again on the next request; the rest of the bot runs on.
            LOG.error("Slack: the bot token was not accepted ({}); check SLACK_BOT_TOKEN", e.getMessage());
        }
        if (settings.socketMode()) {
            socketMode = new SocketModeConnection(settings.appToken(), app);
            socketMode.start();
        }
    }

    /** The Slack connection for {@code /health}: Socket Mode's state and how many workspaces installed the app. */
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("socketMode", socketMode == null ? "off" : socketMode.connected() ? "connected" : "connecting");
        if (socketMode != null) health.put("socketModeFailedConnects", socketMode.failedAttempts());
        health.put("oauth", settings.distributed());
        health.put("installations", installations.count());
        return health;
    }

    @Override
    public void close() {
        if (socketMode != null) socketMode.close();
        inbox.close();
        app.stop();
    }
}
