package dk.vum.barometer.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Everything one run measured, and its Markdown report. */
record Findings(Instant when, Machine machine, String loadBefore, String loadAfter, BenchSettings settings,
                String serverHeap, Duration startup, Duration restart, Round round, List<LoadPhase.Result> phases,
                DataFolder.Stored stored, Summary summary, List<ServerProcess.Memory> memory, long databaseBytes) {

    /** The measurement the load answered, and how its invitations went out. */
    record Round(int measurement, int respondents, long startedAtMillis, DataFolder.Dispatch dispatch) {
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
        md.append('\n');

        md.append("### Answers through `POST /api/chat/actions` (SQLite, synchronous=FULL)\n\n");
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
                    s.failedRespondents.get(), ms(p.serverCpu().toNanos() / 1e6 / Math.max(1, s.requests())), p.loadAverage().split(" ")[0]));
        }
        md.append('\n');

        md.append("### Nothing lost: acknowledged vs. in the file after SIGKILL\n\n");
        md.append("| | acknowledged to clients | in the database |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| submissions (responses) | %d | %d |%n", acknowledgedSubmissions(), stored.responses()));
        md.append(String.format(Locale.ROOT, "| answers in submitted responses | %d | %d |%n", acknowledgedAnswers(), stored.answers()));
        md.append(String.format(Locale.ROOT, "| comments | %d | %d |%n", acknowledgedComments(), stored.comments()));
        md.append(String.format(Locale.ROOT, "| respondents marked submitted | %d | %d |%n", acknowledgedSubmissions(), stored.submittedRespondents()));
        md.append("\nVerdict: ").append(nothingLost() ? "**nothing acknowledged was lost**." : "**LOST acknowledged data**.").append("\n\n");

        DataFolder.Dispatch d = round.dispatch();
        double spread = Math.max(1, d.lastSentMillis() - d.firstSentMillis()) / 1000.0;
        md.append("### Invitations through the outbox (local sender)\n\n");
        md.append("| invitations sent | still pending | first → last sent (s) | invitations/s | `start` → last sent (s) |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.0f | %.2f |%n%n", d.sent(), d.pending(), spread, d.sent() / spread,
                (d.lastSentMillis() - round.startedAtMillis()) / 1000.0));

        md.append("### The anonymised summary (`rapport`) of the closed measurement\n\n");
        Latencies.Summary w = summary.warm();
        md.append("| responses | first request (ms) | next requests | p50 / p95 / max (ms) | reply size |\n|---:|---:|---:|---|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %s | %d | %s / %s / %s | %d KiB |%n%n", summary.responses(), ms(summary.coldMillis()),
                w.count(), ms(w.p50()), ms(w.p95()), ms(w.max()), summary.bytes() / 1024));

        md.append("### Server memory (separate JVM)\n\n");
        md.append("| when | heap used after full GC | heap committed | RSS | peak RSS (VmHWM) |\n|---|---:|---:|---:|---:|\n");
        for (ServerProcess.Memory m : memory) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", m.when(), mib(m.heapAfterGcKb()),
                    mib(m.heapCommittedKb()), mib(m.rssKb()), mib(m.peakRssKb())));
        }
        md.append('\n');

        md.append("### Start-up and size\n\n| | |\n|---|---:|\n");
        row(md, "JVM start to first `/health` 200, fresh file", ms(startup.toNanos() / 1e6) + " ms");
        row(md, "the same after SIGKILL, on the full file", ms(restart.toNanos() / 1e6) + " ms");
        row(md, "database file with WAL at the end", String.format(Locale.ROOT, "%.1f MiB", databaseBytes / (1024.0 * 1024.0)));
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
