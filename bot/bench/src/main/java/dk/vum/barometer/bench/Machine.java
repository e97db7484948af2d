package dk.vum.barometer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the run ran on, read from the JVM and /proc (blank where there is no /proc). */
record Machine(int processors, String cpu, String memory, String jdk, String os) {

    static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name"),
                procField("/proc/meminfo", "MemTotal"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) return "?";
        String[] parts = lines.get(0).split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static String procField(String file, String field) {
        return lines(file).stream().filter(l -> l.startsWith(field)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
