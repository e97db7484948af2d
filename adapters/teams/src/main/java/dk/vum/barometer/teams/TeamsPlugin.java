package dk.vum.barometer.teams;

import com.microsoft.bot.schema.Activity;
import dk.vum.barometer.teams.inbound.ActivityJson;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.i18n.Texts;
import dk.vum.barometer.core.PerUserQueue;
import dk.vum.barometer.core.access.Channels;
import dk.vum.barometer.core.access.Reachability;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.store.AdapterStateStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.teams.auth.BotCredentials;
import dk.vum.barometer.teams.auth.BotTokenValidator;
import dk.vum.barometer.teams.auth.InvalidToken;
import dk.vum.barometer.teams.connector.BotConnector;
import dk.vum.barometer.teams.connector.SendLimiter;
import dk.vum.barometer.teams.inbound.ActivityTranslator;
import dk.vum.barometer.teams.inbound.MalformedActivity;
import dk.vum.barometer.teams.state.TeamsState;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Microsoft Teams on the one Javalin server: the Bot Framework messaging endpoint {@code POST /api/messages}.
 * Every request's token is checked (401 and nothing changed when it fails), a malformed activity gets 400,
 * and an accepted one 200 at once: it is processed afterwards, one person's activities in order, and the
 * bot's replies go back through the Bot Connector. Also provides the outbox's {@link MessageSender} and
 * the {@link Reachability} for Teams organisations.
 *
 * <pre>
 * TeamsPlugin teams = TeamsPlugin.create(TeamsConfig.from(System.getenv()), bot, store, store, clock);
 * Javalin.create(config -&gt; teams.register(config));
 * </pre>
 */
public final class TeamsPlugin implements AutoCloseable {

    public static final String PATH = "/api/messages";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsPlugin.class);
    /** Activities are processed by this many threads; one person's one at a time, in order. */
    private static final int WORKERS = 4;
    /** Teams gives up on an invoke after 15 seconds. */
    private static final Duration ACTION_ANSWER_WAIT = Duration.ofSeconds(10);

    private final BotTokenValidator validator;
    private final ActivityProcessor processor;
    private final TeamsMessageSender sender;
    private final PerUserQueue queue = new PerUserQueue("teams", WORKERS);

    private TeamsPlugin(BotTokenValidator validator, ActivityProcessor processor, TeamsMessageSender sender) {
        this.validator = validator;
        this.processor = processor;
        this.sender = sender;
    }

    public static TeamsPlugin create(TeamsConfig config, ChatBot bot, OrganisationStore organisations,
                                     AdapterStateStore adapterState, Clock clock) {
        if (!config.enabled()) throw new IllegalArgumentException("Teams is off: set MICROSOFT_APP_ID");
        BotTokenValidator validator = null;
        BotCredentials credentials = null;
        if (config.authenticated()) {
            validator = new BotTokenValidator(config.openIdMetadataUrl(), config.appId());
            credentials = new BotCredentials(config.tokenEndpoint(), config.appId(), config.appPassword(),
                    TeamsConfig.CONNECTOR_SCOPE, clock);
        } else {
            LOG.warn("!!! TEAMS_ALLOW_UNAUTHENTICATED is on: {} accepts UNSIGNED requests from anyone and sends "
                    + "without a token. For local trials and tests only; set MICROSOFT_APP_ID in production. !!!", PATH);
        }
        BotConnector connector = new BotConnector(credentials != null ? credentials : builder -> { },
                new SendLimiter(config.messagesPerSecond(), config.tenantMessagesPerSecond()));
        TeamsState state = new TeamsState(adapterState);
        ConversationWriter writer = new ConversationWriter(connector, state, organisations);
        TeamRoster roster = new TeamRoster(connector, state, organisations);
        ActivityProcessor processor = new ActivityProcessor(bot, organisations, state, roster, writer,
                new Retry(5, Duration.ofMillis(500)));
        return new TeamsPlugin(validator, processor, new TeamsMessageSender(connector, state, writer));
    }

    /** Who in a Teams organisation the bot can write to; needs only the stored state, not the bot. */
    public static Reachability reachability(AdapterStateStore adapterState) {
        return new TeamsReachability(new TeamsState(adapterState));
    }

    /** The team channels the bot has been installed in or spoken to in: the ones it can post to. */
    public static Channels channels(AdapterStateStore adapterState) {
        TeamsState state = new TeamsState(adapterState);
        return new Channels() {
            public boolean exists(OrgId org, String channelId) {
                return state.channels(org).containsKey(channelId);
            }

            public List<String> known(OrgId org) {
                return List.copyOf(state.channels(org).keySet());
            }
        };
    }

    public void register(JavalinConfig config) {
        config.routes.post(PATH, this::receive);
    }

    public MessageSender sender() {
        return sender;
    }

    private void receive(Context ctx) {
        String tokenServiceUrl = null;
        try {
            // The token first: nothing of an unauthenticated request is read, so a forgery learns nothing.
            if (validator != null) tokenServiceUrl = validator.validate(ctx.header("Authorization"));
        } catch (InvalidToken e) {
            LOG.info("Refused a Teams request: {}", e.getMessage());
            refuse(ctx, 401, "unauthorized", "invalid token");
            return;
        }
        Activity activity;
        ActivityTranslator.Context context;
        Optional<ActivityTranslator.Translation> translation;
        try {
            activity = ActivityJson.read(ctx.body());
            context = ActivityTranslator.context(activity);
            if (tokenServiceUrl != null) BotTokenValidator.requireServiceUrl(tokenServiceUrl, activity.getServiceUrl());
            translation = ActivityTranslator.translate(activity, context);
        } catch (InvalidToken e) {
            LOG.info("Refused a Teams request: {}", e.getMessage());
            refuse(ctx, 401, "unauthorized", "invalid token");
            return;
        } catch (MalformedActivity e) {
            refuse(ctx, 400, "malformed", e.getMessage());
            return;
        } catch (Exception e) {
            refuse(ctx, 400, "malformed", "not a Bot Framework activity");
            return;
        }
        if (ActivityTranslator.universalAction(activity)) {
            answerAction(ctx, activity, context, translation);
            return;
        }
        queue.submit(context.org(), context.userId(), () -> processor.process(activity, context, translation));
        ctx.status(200);
    }

    /**
     * A Universal Action is answered in the response (Teams waits for it): processed in the member's turn, the
     * bot's first reply comes back as the card that member sees in place of the one pressed; without a reply
     * in time, a short text (the work goes on and its replies are posted).
     */
    private void answerAction(Context ctx, Activity activity, ActivityTranslator.Context context,
                              Optional<ActivityTranslator.Translation> translation) {
        CompletableFuture<Optional<Message>> answer = new CompletableFuture<>();
        queue.submit(context.org(), context.userId(), () -> answer.complete(processor.answer(activity, context, translation)));
        Optional<Message> reply;
        try {
            reply = answer.get(ACTION_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            reply = Optional.empty();
        }
        Map<String, Object> response = reply.isPresent()
                ? Map.of("statusCode", 200, "type", ConversationWriter.CARD_TYPE, "value", processor.card(context.org(), reply.get()))
                : Map.of("statusCode", 200, "type", "application/vnd.microsoft.activity.message",
                        "value", Texts.t(Language.DA, "teams.action.received"));
        ctx.status(200).json(response);
    }

    private static void refuse(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }

    @Override
    public void close() {
        queue.close();
    }
}
