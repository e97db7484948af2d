package dk.vum.barometer.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.files.HostedFile;
import dk.vum.barometer.core.home.HomeMessages;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.store.AdapterStateStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.slack.api.ConversationPoster;
import dk.vum.barometer.slack.api.DirectChannels;
import dk.vum.barometer.slack.api.FileUploads;
import dk.vum.barometer.slack.api.Pacer;
import dk.vum.barometer.slack.api.UserNames;
import dk.vum.barometer.slack.blockkit.FormStash;
import dk.vum.barometer.slack.http.JavalinSlackBridge;
import dk.vum.barometer.slack.http.RequestSignature;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The barometer in a Slack workspace: a Bolt app whose requests arrive at {@code POST /slack/events} on
 * the host's Javalin server (events, slash commands, interactivity and options on one URL), or over
 * Socket Mode when an app-level token is set, and a {@link MessageSender} for the outbox.
 *
 * <pre>
 * SlackPlugin slack = new SlackPlugin(settings, bot, home, storage, storage, storage, clock);
 * Javalin.create(config -&gt; slack.register(config));
 * senders.put(Platform.SLACK, slack.sender());
 * slack.start();
 * </pre>
 */
public final class SlackPlugin implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackPlugin.class);
    private static final int WORKERS = 4;

    private final SlackSettings settings;
    private final App app;
    private final SlackInbox inbox;
    private final SlackMessageSender sender;
    private final RequestSignature signature;
    private SocketModeApp socketMode;

    /** Without charts or files to upload (adapter tests). */
    public SlackPlugin(SlackSettings settings, ChatBot bot, HomeMessages home, OrganisationStore organisations,
                       AdapterStateStore state, OutboxStore outbox, Clock clock) {
        this(settings, bot, home, organisations, state, outbox, url -> Optional.empty(), clock);
    }

    /** @param files the hosted file behind a chart's or export's link, uploaded where a message shows it */
    public SlackPlugin(SlackSettings settings, ChatBot bot, HomeMessages home, OrganisationStore organisations,
                       AdapterStateStore state, OutboxStore outbox, Function<String, Optional<HostedFile>> files, Clock clock) {
        this.settings = settings;
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        Slack slack = Slack.getInstance(slackConfig);

        AppConfig config = new AppConfig();
        config.setSlack(slack);
        config.setSingleTeamBotToken(settings.botToken());
        config.setSigningSecret(settings.signingSecret());
        // The bridge has checked the signature before Bolt sees the request: in constant time, both ways
        // in time, with the host's clock. Socket Mode needs no signature.
        config.setRequestVerificationEnabled(false);
        config.setAllEventsApiAutoAckEnabled(true);
        config.setSubtypedMessageEventsAutoAckEnabled(true);
        config.setAuthTestCacheEnabled(true);
        this.app = new App(config);

        MethodsClient client = slack.methods(settings.botToken());
        FormStash forms = new FormStash(state);
        ConversationPoster poster = new ConversationPoster(client, state, forms, new Pacer(settings.channelInterval()),
                new FileUploads(client, files));
        DirectChannels directs = new DirectChannels(client, state, new Pacer(settings.openInterval()));
        SlackReplies replies = new SlackReplies(slack, client, poster, forms, outbox);
        this.inbox = new SlackInbox(bot, home, organisations, directs, new UserNames(client), replies, forms, client, WORKERS);
        new SlackListeners(inbox).register(app);
        this.sender = new SlackMessageSender(directs, poster);
        this.signature = settings.http() ? new RequestSignature(settings.signingSecret(), clock) : null;
    }

    /** Adds {@code POST /slack/events} when a signing secret is set (HTTP mode). */
    public void register(JavalinConfig config) {
        if (signature != null) config.routes.post(EVENTS_PATH, new JavalinSlackBridge(app, signature));
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
            try {
                socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
                LOG.info("Slack: connected over Socket Mode");
            } catch (Exception e) {
                LOG.error("Slack: Socket Mode could not connect ({}); check SLACK_APP_TOKEN", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("Slack: closing Socket Mode failed: {}", e.getMessage());
            }
        }
        inbox.close();
        app.stop();
    }
}
