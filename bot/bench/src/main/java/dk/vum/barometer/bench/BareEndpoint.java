package dk.vum.barometer.bench;

import io.javalin.Javalin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under every figure: a bare Javalin endpoint (same Javalin, same client, same machine) that
 * answers a small JSON POST with a small JSON reply and touches nothing else. Run as the server in a JVM
 * of its own ({@link #main}), it shows what HTTP alone costs here.
 */
final class BareEndpoint {

    private BareEndpoint() {
    }

    /** The server: PORT from the environment, 127.0.0.1, /health and POST /echo. */
    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv("PORT"));
        Javalin.create(config -> {
            config.routes.get("/health", ctx -> ctx.result("ok"));
            config.routes.post("/echo", ctx -> ctx.contentType("application/json")
                    .result("{\"replies\":[],\"length\":" + ctx.body().length() + "}"));
        }).start("127.0.0.1", port);
    }

    /** Requests per second that {@code clients} clients, one request in flight each, get for {@code duration}. */
    static double requestsPerSecond(URI base, int clients, Duration duration) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"user\":\"bench0001\",\"conversation\":\"dm:bench0001\",\"clientId\":\"00000000-0000-4000-8000-000000000000\","
                + "\"action\":\"q.answer\",\"value\":\"1|i1|4\"}";
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        long until = started + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/echo"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    while (System.nanoTime() < until) {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) throw new BenchFailure("bare endpoint: HTTP " + response.statusCode());
                        requests.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("the bare endpoint's load broke off", e);
        } finally {
            pool.shutdownNow();
        }
        return requests.get() / ((System.nanoTime() - started) / 1e9);
    }
}
