package dk.vum.barometer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark (BENCHMARKS.md): the shipped jar runs as the server in its own JVM on a fresh SQLite
 * file, this JVM plays the respondents through the web chat's JSON API, and afterwards the database
 * file is read back. Prints a Markdown report and writes it to {@code target/benchmark.md}; exits 1 if
 * anything acknowledged is missing from the file or a respondent could not finish.
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
 * Writes the key figures to {@code target/benchmark.json} too.
 */
public final class Benchmark {

    static final String MEASUREMENT_NAME = "Benchmark";
    static final int BARE_CLIENTS = 8;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        if (!Files.isRegularFile(settings.jar())) throw new IllegalStateException("no server jar at " + settings.jar());
        Files.createDirectories(settings.outDir());
        Path log = settings.outDir().resolve("benchmark-server.log");
        Files.deleteIfExists(log);
        DataFolder data = new DataFolder(Files.createTempDirectory(settings.outDir(), "benchmark-data-"));
        List<Respondent> respondents = Respondent.pool(settings.respondents());
        String loadBefore = Machine.loadAverage();
        Instant when = Instant.now();

        progress("a bare Javalin endpoint, " + BARE_CLIENTS + " clients");
        double bareRequestsPerSecond;
        try (ServerProcess bare = ServerProcess.startBare(log)) {
            bareRequestsPerSecond = BareEndpoint.requestsPerSecond(bare.client().base(), BARE_CLIENTS, settings.rawCommits());
        }
        progress("seeding " + respondents.size() + " users into " + data.dir());
        data.seed(respondents);
        List<ServerProcess.Memory> memory = new ArrayList<>();
        Findings.Round round;
        List<LoadPhase.Result> phases = new ArrayList<>();
        RawCommits.Rates rawCommits;
        Duration firstStartup;
        String heapFlags;
        try (ServerProcess server = ServerProcess.start(settings.jar(), data.dir(), settings.serverOpts(), log)) {
            firstStartup = server.startup();
            heapFlags = server.heapFlags();
            memory.add(server.memory("idle, after start"));
            round = setUpRound(new Coordinator(server.client()), data, respondents);
            progress("raw durable SQLite commits on the same disk");
            rawCommits = RawCommits.measure(settings.outDir(), settings.rawCommits());
            // each phase gets its share of bench.maxSeconds, so a slow machine still reaches the last one
            long share = settings.maxLoad().toNanos() / settings.phases().size();
            List<Respondent> left = respondents;
            for (BenchSettings.PhasePlan plan : settings.phases()) {
                int take = plan.respondents() == BenchSettings.PhasePlan.REST ? left.size() : Math.min(plan.respondents(), left.size());
                progress("phase " + plan.name() + ": " + plan.clients() + " clients, " + take + " respondents");
                LoadPhase.Result result = LoadPhase.run(plan.name(), plan.clients(), left.subList(0, take), server,
                        System.nanoTime() + share);
                phases.add(result);
                left = left.subList(result.respondents(), left.size());
            }
            memory.add(server.memory("after the load"));
            progress("SIGKILL to the server");
            server.kill();
        }
        DataFolder.Stored stored = data.stored(round.measurement());
        progress("seeding a second measurement with " + settings.reportResponses() + " responses for the summary");
        int large = ReportScale.seed(data.dir(), round.measurement(), settings.reportResponses());

        progress("restarting on the same file for the summary");
        Findings.Summary summary;
        Findings.Summary largeSummary;
        Duration restart;
        try (ServerProcess server = ServerProcess.start(settings.jar(), data.dir(), settings.serverOpts(), log)) {
            restart = server.startup();
            Coordinator tina = new Coordinator(server.client());
            summary = timeSummary(tina, round.measurement(), MEASUREMENT_NAME, stored.responses(), settings.reportRuns());
            largeSummary = timeSummary(tina, large, ReportScale.NAME, settings.reportResponses(), settings.reportRuns());
            memory.add(server.memory("after " + 2 * (settings.reportRuns() + 1) + " summaries"));
        }

        Findings findings = new Findings(when, Machine.here(), loadBefore, Machine.loadAverage(), settings, heapFlags,
                firstStartup, restart, round, phases, stored, List.of(summary, largeSummary), memory, data.bytes(),
                rawCommits, bareRequestsPerSecond);
        String markdown = findings.markdown();
        System.out.println(markdown);
        Path out = settings.outDir().resolve("benchmark.md");
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        Path json = settings.outDir().resolve("benchmark.json");
        Files.writeString(json, findings.json(), StandardCharsets.UTF_8);
        progress("written to " + out.toAbsolutePath() + " and " + json.toAbsolutePath());
        if (!findings.nothingLost()) fail("the database holds less than was acknowledged");
        if (findings.failedRespondents() > 0) fail(findings.failedRespondents() + " respondents got a reply that was not the next step (see above)");
    }

    private static Findings.Round setUpRound(Coordinator tina, DataFolder data, List<Respondent> respondents) {
        progress("creating the measurement and registering " + respondents.size() + " respondents");
        int m = tina.create(MEASUREMENT_NAME, LocalDate.now().plusDays(30));
        tina.register(m, respondents);
        long startedAt = System.currentTimeMillis();
        tina.start(m, MEASUREMENT_NAME, respondents.size());
        progress("waiting for the outbox to deliver " + respondents.size() + " invitations");
        DataFolder.Dispatch dispatch = data.awaitDispatch(Duration.ofMinutes(3));
        return new Findings.Round(m, respondents.size(), startedAt, dispatch);
    }

    private static Findings.Summary timeSummary(Coordinator tina, int measurement, String name, int responses, int runs) {
        tina.close(measurement, name);
        ChatClient.Timed cold = tina.report(measurement);
        Latencies warm = new Latencies();
        for (int i = 0; i < runs; i++) warm.add(tina.report(measurement).nanos());
        return new Findings.Summary(responses, cold.nanos() / 1e6, warm.summary(), cold.bytes());
    }

    private static void fail(String why) {
        System.err.println("[benchmark] FAILED: " + why);
        System.exit(1);
    }

    private static void progress(String line) {
        System.err.println("[benchmark] " + line);
    }
}
