package dk.vum.barometer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Everything one run measured, and its Markdown report. */
record Findings(Backend backend, Instant when, Machine machine, String loadBefore, String loadAfter, BenchSettings settings,
                String serverHeap, Duration startup, Duration restart, Round round, List<LoadPhase.Result> phases,
                Stored stored, List<Summary> summaries, List<ServerProcess.Memory> memory, long databaseBytes,
                RawCommits.Rates rawCommits, double bareRequestsPerSecond) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the run measured against.
     *
     * @param store      the database, as the report names it
     * @param durability how a commit waits for the disk
     * @param instances  bot instances sharing the database
     * @param separateDatabase whether the database runs in processes of its own (its CPU is then measured apart)
     * @param clicks     how the respondents' clicks reach the bot and its replies come back
     * @param sender     what delivers the outbox's invitations
     * @param key        the store in JSON key names ({@code raw_<key>_commits_per_s})
     */
    record Backend(String store, String durability, int instances, boolean separateDatabase, String clicks, String sender,
                   String key) {

        static final Backend SQLITE = new Backend("SQLite", "WAL, synchronous=FULL", 1, false, "`POST /api/chat/actions`",
                "local sender", "sqlite");
    }

    /** The measurement the load answered, and how its invitations went out. */
    record Round(int measurement, int respondents, long startedAtMillis, Dispatch dispatch) {
    }

    /** The summary of the closed measurement: the first request, then the warm ones. */
    record Summary(int responses, double coldMillis, Latencies.Summary warm, int bytes) {
    }

    int acknowledgedSubmissions() {
        return phases.stream().mapToInt(p -> p.stats().submissions.get()).sum();
    }

    long acknowledgedAnswers() {
        return phases.stream().mapToLong(p -> p.stats().submittedAnswers.get()).sum();
    }

    int acknowledgedComments() {
        return phases.stream().mapToInt(p -> p.stats().comments.get()).sum();
    }

    int failedRespondents() {
        return phases.stream().mapToInt(p -> p.stats().failedRespondents.get()).sum();
    }

    /** Every acknowledged submission, answer and comment is in the file (more is possible: a reply lost on the way). */
    boolean nothingLost() {
        return stored.responses() >= acknowledgedSubmissions() && stored.answers() >= acknowledgedAnswers()
                && stored.comments() >= acknowledgedComments();
    }

    /** Acknowledged submissions, answers and comments that the file does not hold after SIGKILL. */
    long lost() {
        return Math.max(0, acknowledgedSubmissions() - stored.responses()) + Math.max(0, acknowledgedAnswers() - stored.answers())
                + Math.max(0, acknowledgedComments() - stored.comments());
    }

    /** The load phase with the most answers per second (the warm-up excluded where there are others). */
    LoadPhase.Result best() {
        List<LoadPhase.Result> measured = phases.stream().filter(p -> !p.name().startsWith("warm")).toList();
        return (measured.isEmpty() ? phases : measured).stream()
                .max(Comparator.comparingDouble(p -> p.perSecond(p.stats().answers.get()))).orElseThrow();
    }

    static double cpuMillisPer(LoadPhase.Result p, int count) {
        return millisPer(p.serverCpu().total(), count);
    }

    static double compileMillisPer(LoadPhase.Result p, int count) {
        return millisPer(p.serverCpu().compiling(), count);
    }

    static double millisPer(Duration cpu, int count) {
        return cpu.toNanos() / 1e6 / Math.max(1, count);
    }

    /** The key figures for machines to read (bot/bench/target/benchmark.json). */
    String json() {
        LoadPhase.Result best = best();
        PhaseStats s = best.stats();
        double answersPerSecond = best.perSecond(s.answers.get());
        Summary report = summaries.get(summaries.size() - 1);
        ObjectNode root = JSON.createObjectNode();
        root.put("when", when.toString());
        root.put("store", backend.key());
        root.put("instances", backend.instances());
        root.put("quick", settings.quick());
        root.put("load_average_before", loadBefore);
        root.put("load_average_after", loadAfter);
        root.put("best_phase", best.name());
        root.put("answers_per_s", round(answersPerSecond));
        root.put("raw_" + backend.key() + "_commits_per_s", round(rawCommits.singleRowCommitsPerSecond()));
        root.put("raw_" + backend.key() + "_rows_per_s_batched_" + RawCommits.BATCH, round(rawCommits.batchedRowsPerSecond()));
        root.put("ratio_answers_to_raw_commits", round(answersPerSecond / rawCommits.singleRowCommitsPerSecond()));
        root.put("server_cpu_ms_per_answer", round(cpuMillisPer(best, s.answers.get())));
        root.put("server_cpu_ms_per_answer_jit", round(compileMillisPer(best, s.answers.get())));
        root.put("server_cpu_ms_per_answer_without_jit", round(millisPer(best.serverCpu().withoutCompiling(), s.answers.get())));
        root.put("server_cpu_ms_per_request", round(cpuMillisPer(best, s.requests())));
        if (backend.separateDatabase()) database(root, best);
        root.put("ack_p50_ms", round(s.answerLatency.summary().p50()));
        root.put("ack_p99_ms", round(s.answerLatency.summary().p99()));
        root.put("bare_javalin_requests_per_s", round(bareRequestsPerSecond));
        root.put("ratio_answers_to_bare_javalin", round(answersPerSecond / bareRequestsPerSecond));
        root.put("report_ms_p50", round(report.warm().p50()));
        root.put("report_ms_first", round(report.coldMillis()));
        root.put("report_responses", report.responses());
        root.put("lost_after_sigkill", lost());
        root.put("failed_respondents", failedRespondents());
        ArrayNode all = root.putArray("phases");
        for (LoadPhase.Result p : phases) {
            ObjectNode phase = all.addObject();
            phase.put("name", p.name());
            phase.put("clients", p.clients());
            phase.put("answers_per_s", round(p.perSecond(p.stats().answers.get())));
            phase.put("ack_p99_ms", round(p.stats().answerLatency.summary().p99()));
            phase.put("server_cpu_ms_per_answer", round(cpuMillisPer(p, p.stats().answers.get())));
            phase.put("server_cpu_ms_per_answer_jit", round(compileMillisPer(p, p.stats().answers.get())));
            if (backend.separateDatabase()) database(phase, p);
        }
        return root.toPrettyString() + "\n";
    }

    /** What the database's own processes did per answer click of the phase. */
    private static void database(ObjectNode node, LoadPhase.Result p) {
        int answers = Math.max(1, p.stats().answers.get());
        node.put("database_cpu_ms_per_answer", round(millisPer(p.database().cpu(), answers)));
        node.put("database_transactions_per_answer", round((double) p.database().commits() / answers));
        node.put("database_rows_written_per_answer", round((double) p.database().rowsWritten() / answers));
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : -1;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark run ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(when.atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC\n\n");
        md.append("| machine | |\n|---|---|\n");
        row(md, "processors", String.valueOf(machine.processors()));
        row(md, "CPU", machine.cpu());
        row(md, "memory", machine.memory());
        row(md, "JDK", machine.jdk());
        row(md, "OS", machine.os());
        row(md, "server JVM", serverHeap + (settings.serverOpts().isEmpty() ? ", no options" : ", " + String.join(" ", settings.serverOpts())));
        row(md, "load average (1/5/15 min) before → after", loadBefore + " → " + loadAfter);
        row(md, "bot instances on one database", String.valueOf(backend.instances()));
        md.append('\n');

        md.append("### Answers through ").append(backend.clicks()).append(" (").append(backend.store()).append(", ")
                .append(backend.durability()).append(")\n\n");
        md.append("| phase | clients | respondents | answers | answers/s | submissions/s | requests/s | answer p50 / p95 / p99 / max (ms) | submit p50 / p95 / p99 (ms) | failed | server CPU per request (ms) | load avg at end |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
        for (LoadPhase.Result p : phases) {
            PhaseStats s = p.stats();
            Latencies.Summary a = s.answerLatency.summary();
            Latencies.Summary sub = s.submitLatency.summary();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.1f | %.0f | %s / %s / %s / %s | %s / %s / %s | %d | %s | %s |%n",
                    p.name(), p.clients(), p.respondents(), s.answers.get(), p.perSecond(s.answers.get()),
                    p.perSecond(s.submissions.get()), p.perSecond(s.requests()),
                    ms(a.p50()), ms(a.p95()), ms(a.p99()), ms(a.max()), ms(sub.p50()), ms(sub.p95()), ms(sub.p99()),
                    s.failedRespondents.get(), ms(cpuMillisPer(p, s.requests())), p.loadAverage().split(" ")[0]));
        }
        md.append('\n');

        md.append("### Nothing lost: acknowledged vs. in the database after SIGKILL\n\n");
        md.append("| | acknowledged to clients | in the database |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| submissions (responses) | %d | %d |%n", acknowledgedSubmissions(), stored.responses()));
        md.append(String.format(Locale.ROOT, "| answers in submitted responses | %d | %d |%n", acknowledgedAnswers(), stored.answers()));
        md.append(String.format(Locale.ROOT, "| comments | %d | %d |%n", acknowledgedComments(), stored.comments()));
        md.append(String.format(Locale.ROOT, "| respondents marked submitted | %d | %d |%n", acknowledgedSubmissions(), stored.submittedRespondents()));
        md.append("\nVerdict: ").append(nothingLost() ? "**nothing acknowledged was lost**." : "**LOST acknowledged data**.").append("\n\n");

        Dispatch d = round.dispatch();
        double spread = Math.max(1, d.lastSentMillis() - d.firstSentMillis()) / 1000.0;
        md.append("### Invitations through the outbox (").append(backend.sender()).append(")\n\n");
        md.append("| invitations sent | still pending | first → last sent (s) | invitations/s | `start` → last sent (s) |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.0f | %.2f |%n%n", d.sent(), d.pending(), spread, d.sent() / spread,
                (d.lastSentMillis() - round.startedAtMillis()) / 1000.0));

        md.append("### The anonymised summary (`rapport`) of a closed measurement\n\n");
        md.append("| responses | first request (ms) | next requests | p50 / p95 / max (ms) | reply size |\n|---:|---:|---:|---|---:|\n");
        for (Summary summary : summaries) {
            Latencies.Summary w = summary.warm();
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %s / %s / %s | %d KiB |%n", summary.responses(), ms(summary.coldMillis()),
                    w.count(), ms(w.p50()), ms(w.p95()), ms(w.max()), summary.bytes() / 1024));
        }
        md.append('\n');

        LoadPhase.Result best = best();
        double bestRate = best.perSecond(best.stats().answers.get());
        md.append("### Against the floors, measured in the same run\n\n| | |\n|---|---:|\n");
        row(md, "durable answers/s, best phase (" + best.name() + ")", String.format(Locale.ROOT, "%.0f", bestRate));
        row(md, "raw " + backend.store() + " commits/s, one row each (" + backend.durability() + ", same disk and driver)",
                String.format(Locale.ROOT, "%.0f", rawCommits.singleRowCommitsPerSecond()));
        row(md, "raw " + backend.store() + " rows/s, " + RawCommits.BATCH + " rows per commit", String.format(Locale.ROOT, "%.0f", rawCommits.batchedRowsPerSecond()));
        row(md, "answers/s ÷ raw commits/s", String.format(Locale.ROOT, "%.2f", bestRate / rawCommits.singleRowCommitsPerSecond()));
        row(md, "server CPU per answer, best phase (all its requests' CPU ÷ answers; every instance)", ms(cpuMillisPer(best, best.stats().answers.get())) + " ms");
        row(md, "… of it JIT compilation (the JVM's compile time), and the rest", ms(compileMillisPer(best, best.stats().answers.get())) + " ms, "
                + ms(millisPer(best.serverCpu().withoutCompiling(), best.stats().answers.get())) + " ms");
        if (backend.separateDatabase()) {
            DatabaseUse used = best.database();
            int answers = Math.max(1, best.stats().answers.get());
            row(md, "database CPU per answer, best phase (" + backend.store() + " sessions of the instances)",
                    ms(millisPer(used.cpu(), answers)) + " ms");
            row(md, "database transactions per answer, best phase (all its requests' ÷ answers; reads outside a unit of work count too)",
                    String.format(Locale.ROOT, "%.1f", (double) used.commits() / answers));
            row(md, "database rows written per answer, best phase (inserted, updated, deleted; TOAST chunks too)",
                    String.format(Locale.ROOT, "%.1f", (double) used.rowsWritten() / answers));
        }
        row(md, "bare Javalin endpoint, " + Benchmark.BARE_CLIENTS + " clients (requests/s)", String.format(Locale.ROOT, "%.0f", bareRequestsPerSecond));
        row(md, "durable answers/s ÷ bare Javalin requests/s", String.format(Locale.ROOT, "%.2f",
                best.perSecond(best.stats().answers.get()) / bareRequestsPerSecond));
        md.append('\n');

        md.append("### Server memory (each a separate JVM)\n\n");
        md.append("| when | heap used after full GC | heap committed | RSS | peak RSS (VmHWM) |\n|---|---:|---:|---:|---:|\n");
        for (ServerProcess.Memory m : memory) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", m.when(), mib(m.heapAfterGcKb()),
                    mib(m.heapCommittedKb()), mib(m.rssKb()), mib(m.peakRssKb())));
        }
        md.append('\n');

        md.append("### Start-up and size\n\n| | |\n|---|---:|\n");
        row(md, "JVM start to first `/health` 200, fresh database", ms(startup.toNanos() / 1e6) + " ms");
        row(md, "the same after SIGKILL, on the full database", ms(restart.toNanos() / 1e6) + " ms");
        row(md, "database size at the end" + (backend.instances() == 1 ? " (file with WAL)" : ""), String.format(Locale.ROOT, "%.1f MiB", databaseBytes / (1024.0 * 1024.0)));
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) return "–";
        return String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
    }

    private static String mib(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }
}
