package dk.vum.barometer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One load phase: a fixed number of clients, each a thread with its own requests in flight one at a
 * time, take respondents from a shared queue and play them to the end. After the deadline no client
 * takes a new respondent, so a run stays bounded on a slow machine.
 */
final class LoadPhase {

    /**
     * What one phase achieved, the CPU time the server processes used in it, what a database of its own did in
     * it (none for SQLite, inside the server), and the machine's load average at its end.
     */
    record Result(String name, int clients, int respondents, Duration elapsed, PhaseStats stats,
                  CpuUse serverCpu, DatabaseUse database, String loadAverage) {

        double perSecond(int count) {
            return count / (elapsed.toNanos() / 1e9);
        }
    }

    private static final int FAILURES_SHOWN = 5;

    private LoadPhase() {
    }

    /**
     * @param players   a player per client, counting into the phase's stats
     * @param serverCpu the CPU time the server processes (all instances) have used so far, and of it compiling
     * @param database  what the database has done so far for the run
     */
    static Result run(String name, int clients, List<Respondent> respondents, Function<PhaseStats, Player> players,
                      Supplier<CpuUse> serverCpu, Supplier<DatabaseUse> database, long deadlineNanos) {
        CpuUse cpuBefore = serverCpu.get();
        DatabaseUse databaseBefore = database.get();
        Queue<Respondent> queue = new ConcurrentLinkedQueue<>(respondents);
        PhaseStats stats = new PhaseStats();
        AtomicInteger played = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> playUntilDone(queue, players.apply(stats), stats, played, deadlineNanos)));
            }
            for (Future<?> f : running) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("phase " + name + " broke off", e);
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Result(name, clients, played.get(), elapsed, stats, serverCpu.get().minus(cpuBefore),
                database.get().minus(databaseBefore), Machine.loadAverage());
    }

    private static void playUntilDone(Queue<Respondent> queue, Player player, PhaseStats stats,
                                      AtomicInteger played, long deadlineNanos) {
        Respondent next;
        while (System.nanoTime() < deadlineNanos && (next = queue.poll()) != null) {
            played.incrementAndGet();
            try {
                player.play(next);
            } catch (BenchFailure e) {
                if (stats.failedRespondents.incrementAndGet() <= FAILURES_SHOWN) System.err.println("FAILED " + e.getMessage());
            }
        }
    }
}
