package dk.vum.barometer.app;

import dk.vum.barometer.content.ContentCatalog;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.core.Background;
import dk.vum.barometer.core.BarometerBot;
import dk.vum.barometer.core.access.Channels;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.access.PrivateReplies;
import dk.vum.barometer.core.access.Reachability;
import dk.vum.barometer.core.admin.AdminCommands;
import dk.vum.barometer.core.admin.Coordinators;
import dk.vum.barometer.core.admin.SetupCode;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.checklist.ChecklistCommands;
import dk.vum.barometer.core.files.FileLinks;
import dk.vum.barometer.core.home.HomeMessages;
import dk.vum.barometer.core.outbox.Housekeeping;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.OutboxDispatcher;
import dk.vum.barometer.core.plan.ActivityReminders;
import dk.vum.barometer.core.plan.PlanCommands;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.questionnaire.RespondentActions;
import dk.vum.barometer.core.questionnaire.RespondentFlow;
import dk.vum.barometer.core.report.OverviewCommands;
import dk.vum.barometer.core.report.ReportBuilder;
import dk.vum.barometer.core.report.ReportCommands;
import dk.vum.barometer.core.rhythm.RepeatedMeasurements;
import dk.vum.barometer.core.rhythm.RhythmCommands;
import dk.vum.barometer.core.rhythm.RhythmService;
import dk.vum.barometer.core.rounds.DeadlineCloser;
import dk.vum.barometer.core.rounds.Invitations;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.rounds.ReminderPolicy;
import dk.vum.barometer.core.rounds.ReminderService;
import dk.vum.barometer.core.rounds.RoundCloser;
import dk.vum.barometer.slack.SlackPlugin;
import dk.vum.barometer.slack.SlackText;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.postgres.PostgresStorage;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import dk.vum.barometer.teams.TeamsPlugin;
import dk.vum.barometer.web.LocalMessageSender;
import dk.vum.barometer.web.WebChatPlugin;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host: assembles content, storage, the platform-free bot and the adapters on one Javalin server.
 * The only class that knows every module.
 */
public final class BarometerApp implements AutoCloseable {

    /** Reminders and days follow Danish municipal time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final Logger LOG = LoggerFactory.getLogger(BarometerApp.class);
    /** How often sealed submissions are looked for (PostgreSQL; closing a round mixes the rest anyway). */
    private static final Duration MIX_INTERVAL = Duration.ofMinutes(1);
    /** The file in the data folder that holds the current setup code. */
    public static final String SETUP_CODE_FILE = "setup-code.txt";

    private final AppConfig config;
    private final JdbcStorage store;
    private final BarometerBot bot;
    private final OutboxDispatcher dispatcher;
    private final ReminderService reminders;
    private final DeadlineCloser deadlines;
    private final Housekeeping housekeeping;
    private final ActivityReminders activityReminders;
    private final RhythmService rhythm;
    private final RepeatedMeasurements repeated;
    private final Javalin server;
    private final TeamsPlugin teams;
    private final SlackPlugin slack;
    private final List<Background> background = new ArrayList<>();
    private final FileLinks files;

    public BarometerApp(AppConfig config, Clock clock) {
        this.config = config;
        ContentCatalog catalog = config.contentDir() == null ? ContentLoader.loadDefault() : ContentLoader.load(config.contentDir());
        this.store = openStore(config);
        if (config.demo()) DemoSeed.seed(store, store.teams());
        new Coordinators(store).grantConfigured(config.coordinators());

        ContentRepository content = new ContentRepository(catalog, store);
        Directory directory = new Directory(store, Channels.byPlatform(Map.of(
                Platform.LOCAL, Channels.of(DemoSeed.CHANNELS),
                Platform.TEAMS, TeamsPlugin.channels(store),
                Platform.SLACK, SlackText.CHANNELS)));
        Invitations invitations = new Invitations(store, store, content, directory, clock, ZONE);
        Reachability reachability = config.teams().enabled()
                ? Reachability.byPlatform(Map.of(Platform.TEAMS, TeamsPlugin.reachability(store)))
                : Reachability.EVERYONE;
        RoundCloser closer = new RoundCloser(store, store, store, directory);
        MeasurementCommands rounds = new MeasurementCommands(store, store, store, content, invitations, closer, directory, reachability, clock, ZONE);
        PrivateReplies privately = new PrivateReplies(store, clock);
        this.files = new FileLinks(store, config.files().publicUrl(), config.files().linkLifetime(), clock);
        ReportCommands reports = new ReportCommands(store, store.checklistAnswers(), store.activities(), content, rounds, new ReportBuilder(), privately, files, clock, ZONE);
        RespondentFlow flow = new RespondentFlow(store, store, content);
        this.bot = new BarometerBot(store, store.teams(), directory,
                new RespondentActions(flow),
                rounds,
                reports,
                new ChecklistCommands(content, store, store.checklistAnswers(), store.activities(), store, directory, clock, ZONE),
                new PlanCommands(store.activities(), directory, clock, ZONE),
                new RhythmCommands(store.rhythms(), clock, ZONE),
                new OverviewCommands(store, reports),
                new AdminCommands(store, store.teams(), directory, new SetupCode(code -> announceSetupCode(config.dataDir(), code))),
                privately);

        Map<Platform, MessageSender> senders = new EnumMap<>(Platform.class);
        senders.put(Platform.LOCAL, new LocalMessageSender(store, DemoSeed.ORG, DemoSeed.CHANNELS));
        this.teams = config.teams().enabled() ? TeamsPlugin.create(config.teams(), bot, store, store, clock) : null;
        if (teams != null) senders.put(Platform.TEAMS, teams.sender());
        this.slack = config.slack() == null ? null : new SlackPlugin(config.slack(), bot,
                new HomeMessages(store, store, directory), new SlackPlugin.Stores(store, store, store, store.installations()),
                files::resolve, clock);
        if (slack != null) senders.put(Platform.SLACK, slack.sender());
        this.dispatcher = new OutboxDispatcher(store, senders, (org, user, key) -> QuestionnaireActions.measurementOf(key)
                .flatMap(m -> flow.current(org, user, directory.language(org, user), m)), clock);
        this.reminders = new ReminderService(store, store, invitations, new ReminderPolicy(config.reminderDaysBefore()), clock, ZONE);
        this.deadlines = new DeadlineCloser(store, store, store, store, closer, directory, clock, ZONE);
        this.housekeeping = new Housekeeping(store, store, store, clock);
        this.activityReminders = new ActivityReminders(store, store.activities(), store, directory, clock, ZONE);
        this.repeated = new RepeatedMeasurements(store, store, store.rhythms(), rounds, store, store, directory, clock, ZONE);
        this.rhythm = new RhythmService(store, store.rhythms(), store, catalog.teamMeeting(), reports::latestClosed, clock, ZONE);

        this.server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.routes.get("/health", ctx -> ctx.json(health()));
            new FileRoutes(files).register(javalin);
            if (config.webChat()) {
                new WebChatPlugin(bot, store, store, store, DemoSeed.ORG, DemoSeed.CHANNELS).register(javalin);
            }
            if (teams != null) teams.register(javalin);
            if (slack != null) slack.register(javalin);
        });
    }

    public BarometerApp start() {
        server.start(config.host(), config.port());
        if (slack != null) slack.start();
        background.add(Background.every("outbox", config.outboxInterval(), config.outboxInterval(), dispatcher::drain));
        background.add(Background.every("reminders", config.reminderInterval(), config.reminderInterval(), reminders::runDue));
        background.add(Background.every("deadlines", config.reminderInterval(), config.reminderInterval(), deadlines::runDue));
        background.add(Background.every("follow-up", config.reminderInterval(), config.reminderInterval(), this::runFollowUp));
        background.add(Background.every("mixer", MIX_INTERVAL, MIX_INTERVAL, store::mixSealed));
        background.add(Background.every("housekeeping", Duration.ofMinutes(1), Duration.ofHours(6), housekeeping::run));
        LOG.info("VUM implementeringsbarometer listening on http://{}:{}/", config.host(), port());
        if (teams != null) LOG.info("Microsoft Teams messaging endpoint: {}", TeamsPlugin.PATH);
        return this;
    }

    /** {@code {"status":"ok"}}, and with Slack on, its connection: Socket Mode and the number of installations. */
    private Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        if (slack != null) health.put("slack", slack.health());
        return health;
    }

    /**
     * PostgreSQL when DATABASE_URL is set (several instances share it), else the SQLite file in DATA_DIR,
     * its key from DRAFT_KEY or the key file.
     */
    private static JdbcStorage openStore(AppConfig config) {
        DatabaseConfig db = config.database();
        return db == null ? SqliteStorage.open(config.dataDir(), config.draftKey(), config.keyFile(), Clock.systemUTC())
                : PostgresStorage.open(db.url(), db.user(), db.password(), db.draftKey());
    }

    /**
     * Where whoever runs the bot finds the code for {@code opsæt <kode>}: the log, and a file in the data
     * folder readable by the bot's user only.
     */
    private static void announceSetupCode(Path dataDir, String code) {
        LOG.info("Setup code for an organisation without a coordinator: opsæt {} (also in {})", code,
                dataDir.resolve(SETUP_CODE_FILE).toAbsolutePath());
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(SETUP_CODE_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, code + "\n");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not write {}: the setup code is in this log only ({})", SETUP_CODE_FILE, e.toString());
        }
    }

    /** Activity reminders, the teams' rhythm prompts and repeated measurements: due ones done once, whenever this runs. */
    public void runFollowUp() {
        activityReminders.runDue();
        rhythm.runDue();
        repeated.runDue();
    }

    public int port() {
        return server.port();
    }

    public BarometerBot bot() {
        return bot;
    }

    /** The storage facade, and the follow-up stores it hands out. */
    public JdbcStorage store() {
        return store;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public ReminderService reminders() {
        return reminders;
    }

    /** Closes rounds past their deadline; runs in the background, and tests call it with their clock. */
    public DeadlineCloser deadlines() {
        return deadlines;
    }

    @Override
    public void close() {
        background.forEach(Background::close);
        server.stop();
        if (teams != null) teams.close();
        if (slack != null) slack.close();
        store.close();
    }
}
