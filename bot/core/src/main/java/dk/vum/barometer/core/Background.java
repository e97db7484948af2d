package dk.vum.barometer.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A job that runs on its own daemon thread at a fixed delay until closed. A failing run is logged and
 * the next one runs as planned: background work must never stop for good.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final ScheduledExecutorService executor;

    private Background(String name, Duration initialDelay, Duration interval, Runnable job) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again in {}", name, interval, e);
            }
        }, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Background every(String name, Duration initialDelay, Duration interval, Runnable job) {
        return new Background(name, initialDelay, interval, job);
    }

    /** Stops after the run under way, if any. */
    @Override
    public void close() {
        stop(executor);
    }

    /** Lets the work under way or queued finish (for at most ten seconds), then stops the executor. */
    static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
