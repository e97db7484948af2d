package dk.vum.barometer.bench;

import java.time.Duration;

/**
 * CPU time the server processes used, and how much of it the JIT compilers took (the JVM's own count of
 * compile time, {@code java.ci.totalTime}): a short run pays for compiling the hot paths, a server that
 * runs for weeks does not, so both are shown.
 */
record CpuUse(Duration total, Duration compiling) {

    static final CpuUse NONE = new CpuUse(Duration.ZERO, Duration.ZERO);

    CpuUse plus(CpuUse other) {
        return new CpuUse(total.plus(other.total), compiling.plus(other.compiling));
    }

    CpuUse minus(CpuUse earlier) {
        return new CpuUse(total.minus(earlier.total), compiling.minus(earlier.compiling));
    }

    /** What the CPU did apart from compiling (never below zero: the two are counted differently). */
    Duration withoutCompiling() {
        Duration rest = total.minus(compiling);
        return rest.isNegative() ? Duration.ZERO : rest;
    }
}
