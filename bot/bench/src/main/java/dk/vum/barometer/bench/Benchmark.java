package dk.vum.barometer.bench;

import dk.vum.barometer.app.DemoSeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The benchmark (BENCHMARKS.md): the shipped jar runs as the server in its own JVM on a fresh SQLite
 * file, this JVM plays the respondents through the web chat's JSON API, and afterwards the database
 * file is read back. With {@code bench.store=postgres} two instances share a fresh PostgreSQL database
 * and are played through Teams instead ({@link PostgresBenchmark}). Prints a Markdown report and writes it
 * to {@code target/benchmark.md} (PostgreSQL: {@code benchmark-postgres.md}); exits 1 if anything
 * acknowledged is missing from the database or a respondent could not finish.
 *
 * <ol>
 *   <li>Seed the respondents as users of the demo organisation; start the server; memory at idle.</li>
 *   <li>As the coordinator: create a measurement, register everyone, start it; time the outbox
 *       delivering the invitations.</li>
 *   <li>Load phases with 1, 8, 32 ... concurrent clients; memory after the load.</li>
 *   <li>Kill the server with SIGKILL and count what the file holds against what was acknowledged.</li>
 *   <li>Restart on the same file; close the measurement; time the summary ("rapport"), cold and warm; the
 *       same for a second measurement seeded with {@code bench.reportResponses} responses.</li>
 * </ol>
 * Beside them, the same run measures the floors the figures are read against: raw durable SQLite
 * commits on the same disk ({@link RawCommits}) and a bare Javalin endpoint ({@link BareEndpoint}).
 * Writes the key figures to {@code target/benchmark.json} ({@code benchmark-postgres.json}) too.
 */
public final class Benchmark {

    static final String MEASUREMENT_NAME = "Benchmark";
    static final int BARE_CLIENTS = 8;
    static final Duration DISPATCH_WAIT = Duration.ofMinutes(3);
    /** Typed @ids in the web chat are what the bot gets: a command stays well under the chat's 4,000 characters. */
    private static final int WEB_CHAT_COMMAND = 3500;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        if (!Files.isRegularFile(settings.jar())) throw new IllegalStateException("no server jar at " + settings.jar());
        Files.createDirectories(settings.outDir());
        if (settings.postgres() != null) {
            finish(settings, "benchmark-postgres", PostgresBenchmark.run(settings));
        } else {
            finish(settings, "benchmark", sqlite(settings));
        }
    }

    /** One instance on a fresh SQLite file, the demo organisation played through the local web chat. */
    private static Findings sqlite(BenchSettings settings) throws IOException {
        Path log = settings.outDir().resolve("benchmark-server.log");
        Files.deleteIfExists(log);
        DataFolder data = new DataFolder(Files.createTempDirectory(settings.outDir(), "benchmark-data-"));
        List<Respondent> respondents = Respondent.pool(settings.respondents());
        String loadBefore = Machine.loadAverage();
        Instant when = Instant.now();

        double bareRequestsPerSecond = bareFloor(settings, log);
        progress("seeding " + respondents.size() + " users into " + data.dir());
        data.seed(respondents);
        List<ServerProcess.Memory> memory = new ArrayList<>();
        Findings.Round round;
        List<LoadPhase.Result> phases;
        RawCommits.Rates rawCommits;
        Duration firstStartup;
        String heapFlags;
        try (ServerProcess server = ServerProcess.start(settings.jar(), data.dir(), settings.serverOpts(), log)) {
            firstStartup = server.startup();
            heapFlags = server.heapFlags();
            memory.add(server.memory("idle, after start"));
            Coordinator tina = new Coordinator(server.client().line(DemoSeed.COORDINATOR.id()), WEB_CHAT_COMMAND);
            round = setUpRound(tina, respondents, () -> data.awaitDispatch(DISPATCH_WAIT));
            progress("raw durable SQLite commits on the same disk");
            rawCommits = RawCommits.sqlite(settings.outDir(), settings.rawCommits());
            phases = loadPhases(settings, respondents, stats -> new RespondentPlayer(server.client(), stats), server::cpuUse,
                    () -> DatabaseUse.NONE);
            memory.add(server.memory("after the load"));
            progress("SIGKILL to the server");
            server.kill();
        }
        Stored stored = data.stored(round.measurement());
        progress("seeding a second measurement with " + settings.reportResponses() + " responses for the summary");
        int large = ReportScale.seed(data.dir(), round.measurement(), settings.reportResponses());

        progress("restarting on the same file for the summary");
        List<Findings.Summary> summaries;
        Duration restart;
        try (ServerProcess server = ServerProcess.start(settings.jar(), data.dir(), settings.serverOpts(), log)) {
            restart = server.startup();
            Coordinator tina = new Coordinator(server.client().line(DemoSeed.COORDINATOR.id()), WEB_CHAT_COMMAND);
            summaries = timeSummaries(settings, tina, round.measurement(), stored.responses(), large, () -> { });
            memory.add(server.memory("after " + 2 * (settings.reportRuns() + 1) + " summaries"));
        }
        return new Findings(Findings.Backend.SQLITE, when, Machine.here(), loadBefore, Machine.loadAverage(), settings, heapFlags,
                firstStartup, restart, round, phases, stored, summaries, memory, data.bytes(), rawCommits, bareRequestsPerSecond);
    }

    /** Prints the report, writes it and the key figures beside it, and exits 1 if anything was lost or failed. */
    private static void finish(BenchSettings settings, String name, Findings findings) throws IOException {
        String markdown = findings.markdown();
        System.out.println(markdown);
        Path out = settings.outDir().resolve(name + ".md");
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        Path json = settings.outDir().resolve(name + ".json");
        Files.writeString(json, findings.json(), StandardCharsets.UTF_8);
        progress("written to " + out.toAbsolutePath() + " and " + json.toAbsolutePath());
        if (!findings.nothingLost()) fail("the database holds less than was acknowledged");
        if (findings.failedRespondents() > 0) fail(findings.failedRespondents() + " respondents got a reply that was not the next step (see above)");
    }

    /** A bare Javalin endpoint in a JVM of its own: what HTTP alone costs on this machine now (requests/s). */
    static double bareFloor(BenchSettings settings, Path log) {
        progress("a bare Javalin endpoint, " + BARE_CLIENTS + " clients");
        try (ServerProcess bare = ServerProcess.startBare(log)) {
            return BareEndpoint.requestsPerSecond(bare.client().base(), BARE_CLIENTS, settings.rawCommits());
        }
    }

    /**
     * The load phases in turn, each with its share of bench.maxSeconds (so a slow machine still reaches the
     * last one), each taking the respondents the earlier ones left.
     *
     * @param serverCpu   CPU time of every server process so far, and of it compiling
     * @param database  what a database of its own has done so far ({@link DatabaseUse#NONE} for SQLite, inside the server)
     */
    static List<LoadPhase.Result> loadPhases(BenchSettings settings, List<Respondent> respondents, Function<PhaseStats, Player> players,
                                             Supplier<CpuUse> serverCpu, Supplier<DatabaseUse> database) {
        List<LoadPhase.Result> phases = new ArrayList<>();
        long share = settings.maxLoad().toNanos() / settings.phases().size();
        List<Respondent> left = respondents;
        for (BenchSettings.PhasePlan plan : settings.phases()) {
            int take = plan.respondents() == BenchSettings.PhasePlan.REST ? left.size() : Math.min(plan.respondents(), left.size());
            progress("phase " + plan.name() + ": " + plan.clients() + " clients, " + take + " respondents");
            LoadPhase.Result result = LoadPhase.run(plan.name(), plan.clients(), left.subList(0, take), players, serverCpu, database,
                    System.nanoTime() + share);
            phases.add(result);
            left = left.subList(result.respondents(), left.size());
        }
        return phases;
    }

    /** As the coordinator: create the measurement, register everyone, start it; waits for the invitations to go out. */
    static Findings.Round setUpRound(Coordinator tina, List<Respondent> respondents, Supplier<Dispatch> dispatch) {
        progress("creating the measurement and registering " + respondents.size() + " respondents");
        int m = tina.create(MEASUREMENT_NAME, LocalDate.now().plusDays(30));
        tina.register(m, respondents);
        long startedAt = System.currentTimeMillis();
        tina.start(m, MEASUREMENT_NAME, respondents.size());
        progress("waiting for the outbox to deliver " + respondents.size() + " invitations");
        return new Findings.Round(m, respondents.size(), startedAt, dispatch.get());
    }

    /**
     * Closes and summarises the loaded measurement, then the large seeded one, each cold and warm.
     *
     * @param afterClose what the database's own housekeeping would do after a close before a person asks for the summary
     */
    static List<Findings.Summary> timeSummaries(BenchSettings settings, Coordinator tina, int loaded, int loadedResponses, int large,
                                                Runnable afterClose) {
        return List.of(timeSummary(tina, loaded, MEASUREMENT_NAME, loadedResponses, settings.reportRuns(), afterClose),
                timeSummary(tina, large, ReportScale.NAME, settings.reportResponses(), settings.reportRuns(), afterClose));
    }

    private static Findings.Summary timeSummary(Coordinator tina, int measurement, String name, int responses, int runs,
                                                Runnable afterClose) {
        tina.close(measurement, name);
        afterClose.run();
        Coordinator.Said cold = tina.report(measurement);
        Latencies warm = new Latencies();
        for (int i = 0; i < runs; i++) warm.add(tina.report(measurement).nanos());
        return new Findings.Summary(responses, cold.nanos() / 1e6, warm.summary(), cold.bytes());
    }

    private static void fail(String why) {
        System.err.println("[benchmark] FAILED: " + why);
        System.exit(1);
    }

    static void progress(String line) {
        System.err.println("[benchmark] " + line);
    }
}
