package dk.vum.barometer.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties (set by the {@code bench} module's pom, each
 * overridable on the Maven command line, see BENCHMARKS.md).
 *
 * @param jar         bench.jar: the shaded bot, started as the server in its own JVM
 * @param outDir      bench.out: where the data folder, the server log and the Markdown report go
 * @param respondents bench.respondents: users registered in the one measurement, and so its most responses
 * @param phases      bench.phases: load phases as {@code name:clients:respondents}, "rest" for what is left
 * @param reportRuns  bench.reports: how many times the summary is asked for after the first (cold) time
 * @param maxLoad     bench.maxSeconds: the load phases' time, shared equally; after a phase's share its clients
 *                    take no new respondent (the run stays bounded)
 * @param serverOpts  bench.serverOpts: JVM options for the server, e.g. "-Xmx256m"; none by default
 * @param quick       bench.quick: smaller defaults for every setting not given, for a run of about three minutes
 * @param reportResponses bench.reportResponses: responses of the second, seeded measurement whose summary is timed
 * @param rawCommits  how long each raw commit rate is measured
 * @param postgres    bench.store=postgres: the PostgreSQL server (bench.postgresServer, a JDBC URL ending in "/",
 *                    default 127.0.0.1:5432) where each run creates its database; null for SQLite (bench.store=sqlite,
 *                    the default)
 * @param postgresUser bench.postgresUser: who creates the database and whom the instances connect as (postgres)
 */
record BenchSettings(Path jar, Path outDir, int respondents, List<PhasePlan> phases, int reportRuns,
                     Duration maxLoad, List<String> serverOpts, boolean quick, int reportResponses, Duration rawCommits,
                     String postgres, String postgresUser) {

    /** One load phase: {@code clients} concurrent clients play {@code respondents} respondents (-1: the rest). */
    record PhasePlan(String name, int clients, int respondents) {
        static final int REST = -1;
    }

    static BenchSettings fromSystemProperties() {
        String opts = System.getProperty("bench.serverOpts", "").strip();
        boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
        String store = setting("bench.store", "sqlite");
        if (!store.equals("sqlite") && !store.equals("postgres")) throw new IllegalArgumentException("bench.store: sqlite or postgres, not " + store);
        return new BenchSettings(
                Path.of(required("bench.jar")),
                Path.of(System.getProperty("bench.out", "target")),
                Integer.parseInt(setting("bench.respondents", quick ? "300" : "1000")),
                phases(setting("bench.phases", quick ? "warm-up:8:30,1:1:20,8:8:100,32:32:rest" : "warm-up:8:60,1:1:40,8:8:200,32:32:rest")),
                Integer.parseInt(setting("bench.reports", quick ? "10" : "20")),
                Duration.ofSeconds(Long.parseLong(setting("bench.maxSeconds", quick ? "75" : "300"))),
                opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+")),
                quick,
                Integer.parseInt(setting("bench.reportResponses", "10000")),
                Duration.ofSeconds(quick ? 3 : 5),
                store.equals("postgres") ? setting("bench.postgresServer", "jdbc:postgresql://127.0.0.1:5432/") : null,
                setting("bench.postgresUser", "postgres"));
    }

    /** The property, or the default where it is missing or empty (the pom passes every one, empty unless set). */
    private static String setting(String name, String defaultValue) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? defaultValue : value;
    }

    static List<PhasePlan> phases(String spec) {
        List<PhasePlan> plans = new ArrayList<>();
        for (String phase : spec.split(",")) {
            String[] p = phase.strip().split(":");
            if (p.length != 3) throw new IllegalArgumentException("bench.phases: want name:clients:respondents, got " + phase);
            int respondents = p[2].equals("rest") ? PhasePlan.REST : Integer.parseInt(p[2]);
            plans.add(new PhasePlan(p[0], Integer.parseInt(p[1]), respondents));
        }
        return plans;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("system property " + name + " is missing");
        return value;
    }
}
