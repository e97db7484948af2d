package dk.vum.barometer.bench;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.storage.postgres.PostgresStorage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The benchmark on PostgreSQL (bench.store=postgres): two instances of the shipped jar share a fresh
 * database, as behind a load balancer, and are played through Microsoft Teams. On PostgreSQL the local web
 * chat is refused (it has no authentication), so this JVM is the Bot Framework: it posts signed activities
 * to the instances' {@code /api/messages} and runs the Bot Connector service they reply to
 * ({@link BotConnectorStub}). Every respondent's clicks alternate between the instances.
 *
 * <ol>
 *   <li>Create the database; start both instances (Teams on, tokens checked against the stub's keys, the
 *       coordinator from COORDINATORS); every respondent and the coordinator install the app.</li>
 *   <li>As the coordinator, through both instances: create a measurement, register everyone by @mention,
 *       start it; the instances' outboxes deliver the invitations.</li>
 *   <li>The raw commit floor, then the load phases; SIGKILL to both instances; count what a copy of the
 *       database holds against what was acknowledged.</li>
 *   <li>Seed the large measurement; restart one instance and time the summaries.</li>
 * </ol>
 */
final class PostgresBenchmark {

    static final int INSTANCES = 2;
    static final OrgId ORG = OrgId.of(Platform.TEAMS, TeamsChat.TENANT);
    private static final String COORDINATOR = "tina";
    private static final String COORDINATOR_NAME = "Tina Tovholder";
    /** Teams writes each mention out as " @29:…": a command stays under the bot's 4,000 characters. */
    private static final int TEAMS_COMMAND = 2500;
    private static final int INSTALLERS = 8;

    private PostgresBenchmark() {
    }

    static Findings run(BenchSettings settings) throws IOException {
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            Path log = settings.outDir().resolve("benchmark-postgres-server-" + i + ".log");
            Files.deleteIfExists(log);
            logs.add(log);
        }
        List<Respondent> respondents = Respondent.pool(settings.respondents());
        Map<String, String> names = respondents.stream().collect(Collectors.toMap(Respondent::userId, Respondent::displayName));
        String loadBefore = Machine.loadAverage();
        Instant when = Instant.now();
        double bareRequestsPerSecond = Benchmark.bareFloor(settings, logs.get(0));

        BenchDatabase db = BenchDatabase.create(settings.postgres(), settings.postgresUser());
        Benchmark.progress("created database " + db.name());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String draftKey = Base64.getEncoder().encodeToString(key);
        List<ServerProcess.Memory> memory = new ArrayList<>();
        Findings.Round round;
        List<LoadPhase.Result> phases;
        RawCommits.Rates rawCommits;
        Duration firstStartup;
        String heapFlags;
        try (BotConnectorStub connector = new BotConnectorStub(TeamsChat.APP_ID)) {
            TeamsChat chat = new TeamsChat(connector);
            List<ServerProcess> servers = new ArrayList<>();
            try {
                // one after the other: the first creates the schema
                for (int i = 0; i < INSTANCES; i++) servers.add(start(settings, db, draftKey, connector, logs.get(i)));
                firstStartup = servers.get(0).startup();
                heapFlags = servers.get(0).heapFlags();
                for (int i = 0; i < INSTANCES; i++) memory.add(servers.get(i).memory("instance " + (i + 1) + ", idle after start"));
                List<URI> instances = servers.stream().map(s -> s.client().base()).toList();
                install(chat, instances, respondents);
                AtomicInteger turn = new AtomicInteger();
                Supplier<URI> balancer = () -> instances.get(turn.getAndIncrement() % instances.size());
                Coordinator tina = new Coordinator(chat.line(balancer, COORDINATOR, COORDINATOR_NAME, names), TEAMS_COMMAND);
                round = Benchmark.setUpRound(tina, respondents, () -> Dispatch.await(db::open, ORG, Benchmark.DISPATCH_WAIT));
                Benchmark.progress("raw durable PostgreSQL commits, same driver");
                rawCommits = RawCommits.postgres(db.url(), settings.rawCommits());
                phases = Benchmark.loadPhases(settings, respondents, stats -> new TeamsPlayer(chat, instances, stats),
                        () -> servers.stream().map(ServerProcess::cpuUse).reduce(CpuUse.NONE, CpuUse::plus), db::use);
                for (int i = 0; i < INSTANCES; i++) memory.add(servers.get(i).memory("instance " + (i + 1) + ", after the load"));
                Benchmark.progress("SIGKILL to both instances");
                servers.forEach(ServerProcess::kill);
            } finally {
                servers.forEach(ServerProcess::close);
            }

            Stored stored = counted(db, draftKey, round.measurement());
            Benchmark.progress("seeding a second measurement with " + settings.reportResponses() + " responses for the summary");
            int large;
            try (PostgresStorage store = PostgresStorage.open(db.url(), null, null, draftKey)) {
                large = ReportScale.seed(store, ORG, TeamsChat.teamsId(COORDINATOR), round.measurement(), settings.reportResponses());
            }

            Benchmark.progress("restarting one instance on the same database for the summary");
            List<Findings.Summary> summaries;
            Duration restart;
            try (ServerProcess server = start(settings, db, draftKey, connector, logs.get(0))) {
                restart = server.startup();
                URI instance = server.client().base();
                Coordinator tina = new Coordinator(chat.line(() -> instance, COORDINATOR, COORDINATOR_NAME, names), TEAMS_COMMAND);
                // This server runs without autovacuum; by default it analyzes the tables the close filled within a minute.
                // Without statistics the planner joins responses and answers in a nested loop (BENCHMARKS.md).
                summaries = Benchmark.timeSummaries(settings, tina, round.measurement(), stored.responses(), large, db::analyze);
                memory.add(server.memory("instance 1, after " + 2 * (settings.reportRuns() + 1) + " summaries"));
            }
            Findings.Backend backend = new Findings.Backend("PostgreSQL", "synchronous_commit=" + db.synchronousCommit(), INSTANCES,
                    true, "Teams: signed activities to `POST /api/messages`, replies at a stub Bot Connector", "Teams sender", "postgres");
            Findings findings = new Findings(backend, when, Machine.here(), loadBefore, Machine.loadAverage(), settings, heapFlags,
                    firstStartup, restart, round, phases, stored, summaries, memory, db.bytes(), rawCommits, bareRequestsPerSecond);
            if (findings.nothingLost() && findings.failedRespondents() == 0) {
                db.drop();
            } else {
                Benchmark.progress("database " + db.name() + " kept for inspection");
            }
            return findings;
        }
    }

    /**
     * An instance as README's "Run on PostgreSQL" and "Connect to Teams" set one up, pointed at the stub
     * connector's keys and token endpoint. Teams' pacing (7 a second per chat, 50 a second per tenant) is
     * lifted: it would measure Teams' limits, not the bot and its database.
     */
    private static ServerProcess start(BenchSettings settings, BenchDatabase db, String draftKey, BotConnectorStub connector, Path log)
            throws IOException {
        Path dataDir = Files.createDirectories(settings.outDir().resolve(log.getFileName().toString().replace(".log", "-data")));
        return ServerProcess.start(settings.jar(), List.of(), port -> Map.ofEntries(
                Map.entry("DATABASE_URL", db.url()),
                Map.entry("DRAFT_KEY", draftKey),
                Map.entry("WEBCHAT", "false"),
                Map.entry("DATA_DIR", dataDir.toAbsolutePath().toString()),
                Map.entry("MICROSOFT_APP_ID", TeamsChat.APP_ID),
                Map.entry("MICROSOFT_APP_PASSWORD", "bench-secret"),
                Map.entry("TEAMS_OPENID_METADATA_URL", connector.openIdMetadata().toString()),
                Map.entry("TEAMS_TOKEN_ENDPOINT", connector.tokenEndpoint().toString()),
                Map.entry("TEAMS_MESSAGES_PER_SECOND", "1000"),
                Map.entry("TEAMS_TENANT_MESSAGES_PER_SECOND", "100000"),
                Map.entry("COORDINATORS", "teams:" + TeamsChat.TENANT + ":" + TeamsChat.teamsId(COORDINATOR)),
                Map.entry("PUBLIC_URL", "http://127.0.0.1:" + port)), settings.serverOpts(), log);
    }

    /** The coordinator and every respondent add the app in their personal scope, each greeted once; alternating instances. */
    private static void install(TeamsChat chat, List<URI> instances, List<Respondent> respondents) {
        Benchmark.progress("installing the app for " + (respondents.size() + 1) + " people");
        chat.ask(instances.get(0), COORDINATOR, chat.installed(COORDINATOR, COORDINATOR_NAME));
        ExecutorService pool = Executors.newFixedThreadPool(INSTALLERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Respondent r : respondents) {
                done.add(pool.submit(() -> chat.ask(instances.get(r.index() % instances.size()), r.userId(),
                        chat.installed(r.userId(), r.displayName()))));
            }
            for (Future<?> f : done) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("installing the app broke off", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the database holds after the SIGKILL, counted on a copy where the measurement is closed (which mixes). */
    private static Stored counted(BenchDatabase db, String draftKey, int measurement) {
        BenchDatabase copy = db.copy("counted");
        try (PostgresStorage store = PostgresStorage.open(copy.url(), null, null, draftKey)) {
            return Stored.countClosing(store, ORG, measurement);
        } finally {
            copy.drop();
        }
    }
}
