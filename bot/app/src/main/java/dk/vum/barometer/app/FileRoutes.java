package dk.vum.barometer.app;

import dk.vum.barometer.core.files.FileLinks;
import dk.vum.barometer.core.files.HostedFile;
import io.javalin.config.JavalinConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves charts and exports at {@code /files/<token>/<name>}: 404 for an unknown, expired or mistyped
 * link, never a hint which. Nothing else is served from there; the name must match the one published.
 */
final class FileRoutes {

    private final FileLinks links;

    FileRoutes(FileLinks links) {
        this.links = links;
    }

    void register(JavalinConfig javalin) {
        javalin.routes.get(FileLinks.PATH + "{token}/{name}", ctx -> {
            Optional<HostedFile> file = links.byToken(ctx.pathParam("token"))
                    .filter(f -> f.name().equals(ctx.pathParam("name")));
            if (file.isEmpty()) {
                ctx.status(404).contentType("text/plain; charset=utf-8").result("Linket findes ikke eller er udløbet.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HostedFile f = file.get();
            long seconds = Math.max(0, Duration.between(Instant.now(), f.expires()).toSeconds());
            ctx.header("Cache-Control", "private, max-age=" + seconds);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Disposition", (f.mediaType().startsWith("image/") ? "inline" : "attachment")
                    + "; filename=\"" + f.name() + "\"");
            ctx.contentType(f.mediaType()).result(f.content());
        });
    }
}
