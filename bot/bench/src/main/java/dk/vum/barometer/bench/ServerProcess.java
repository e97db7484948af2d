package dk.vum.barometer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot as it is shipped: {@code java -jar barometer.jar --demo} in a JVM of its own, on 127.0.0.1 and a
 * free port, with its data folder and its log where the benchmark says. Memory is read from outside:
 * the heap after a full collection through {@code jcmd}, the resident set from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    /** Heap in use right after a full GC, and the process's resident memory now and at its peak. */
    record Memory(String when, long heapAfterGcKb, long heapCommittedKb, long rssKb, long peakRssKb) {
    }

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);
    private static final Pattern COMPILE_TICKS = Pattern.compile("(?m)^java\\.ci\\.totalTime=(\\d+)");
    private static final Pattern TICKS_PER_SECOND = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)");
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final ChatClient client;
    private final Duration startup;

    private ServerProcess(Process process, ChatClient client, Duration startup) {
        this.process = process;
        this.client = client;
        this.startup = startup;
    }

    /** The demo organisation on SQLite in {@code dataDir}, played through the local web chat. */
    static ServerProcess start(Path jar, Path dataDir, List<String> jvmOptions, Path log) {
        return start(jar, List.of("--demo"), port -> Map.of("DATA_DIR", dataDir.toAbsolutePath().toString(), "WEBCHAT", "true"),
                jvmOptions, log);
    }

    /** The jar with these arguments and this environment, given the port it will listen on (PORT and HOST are set). */
    static ServerProcess start(Path jar, List<String> args, IntFunction<Map<String, String>> environment,
                               List<String> jvmOptions, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaTool("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        return launch(command, environment, log);
    }

    /** The {@link BareEndpoint} in a JVM of its own, from this JVM's class path. */
    static ServerProcess startBare(Path log) {
        return launch(List.of(javaTool("java"), "-cp", System.getProperty("java.class.path"), BareEndpoint.class.getName()),
                port -> Map.of(), log);
    }

    private static ServerProcess launch(List<String> command, IntFunction<Map<String, String>> environment, Path log) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().putAll(environment.apply(port));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ChatClient client = new ChatClient(URI.create("http://127.0.0.1:" + port));
        while (!client.healthy()) {
            if (!process.isAlive()) throw new IllegalStateException("the server stopped at start; see " + log);
            if (System.nanoTime() - started > STARTUP_LIMIT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not answer /health within " + STARTUP_LIMIT + "; see " + log);
            }
            pause(20);
        }
        return new ServerProcess(process, client, Duration.ofNanos(System.nanoTime() - started));
    }

    ChatClient client() {
        return client;
    }

    /** From starting the JVM to the first 200 from /health. */
    Duration startup() {
        return startup;
    }

    /** User and system CPU time the server has used so far. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU time so far, and of it the JIT compilers' (the JVM's performance counters, through jcmd). */
    CpuUse cpuUse() {
        String counters = jcmd("PerfCounter.print");
        Matcher compile = COMPILE_TICKS.matcher(counters);
        Matcher frequency = TICKS_PER_SECOND.matcher(counters);
        if (!compile.find() || !frequency.find()) throw new IllegalStateException("no compile time from jcmd PerfCounter.print");
        double seconds = Long.parseLong(compile.group(1)) / (double) Long.parseLong(frequency.group(1));
        return new CpuUse(cpuTime(), Duration.ofNanos((long) (seconds * 1e9)));
    }

    Memory memory(String when) {
        jcmd("GC.run");
        Matcher heap = HEAP.matcher(jcmd("GC.heap_info"));
        if (!heap.find()) throw new IllegalStateException("no heap figures from jcmd GC.heap_info");
        return new Memory(when, Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)),
                procStatus("VmRSS"), procStatus("VmHWM"));
    }

    /** The JVM's heap settings as the server runs with them (the defaults unless bench.serverOpts says otherwise). */
    String heapFlags() {
        String flags = jcmd("VM.flags");
        Matcher max = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        Matcher gc = Pattern.compile("-XX:\\+Use(\\w+)GC").matcher(flags);
        return (gc.find() ? gc.group(1) + " GC" : "default GC")
                + (max.find() ? ", max heap " + Long.parseLong(max.group(1)) / (1024 * 1024) + " MiB" : "");
    }

    /** SIGKILL: no shutdown hook, no closing of the database; what is on disk is what was acknowledged. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the ordinary stop. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String jcmd(String command) {
        try {
            Process jcmd = new ProcessBuilder(javaTool("jcmd"), String.valueOf(process.pid()), command)
                    .redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) throw new IllegalStateException("jcmd " + command + " failed: " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
            return -1;
        } catch (IOException e) {
            return -1; // not Linux: no /proc
        }
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
