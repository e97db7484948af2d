package dk.vum.barometer.web;

import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.TranscriptStore;
import dk.vum.barometer.core.store.UnitOfWork;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The local web chat on a Javalin 7 server: the page at {@code /} (assets under {@code /webchat/}) and
 * the JSON API under {@code /api/chat/}, through which a person, a script or a test can play any user
 * of the organisation.
 *
 * <pre>
 * Javalin.create(config -&gt; new WebChatPlugin(bot, storage, storage, storage, org, channels).register(config));
 * </pre>
 *
 * Refused requests get a JSON body {@code {"error": code, "message": Danish text}}: 400 for malformed or
 * missing input, 403 for another user's direct conversation, 404 for an unknown user or channel.
 */
public final class WebChatPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(WebChatPlugin.class);
    private static final String ASSETS = "/webchat";
    /** The page loads only its own assets; data is inserted as text, and this backs that up. */
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private final ChatApi api;

    /**
     * @param org      the organisation the chat plays, e.g. {@code OrgId.of(Platform.LOCAL, "demo")}
     * @param channels channel ids shown to every user (e.g. "team-nord"), besides any the bot has posted in
     * @param units    makes one event's work and its stored replies one unit (the store's)
     */
    public WebChatPlugin(ChatBot bot, OrganisationStore organisations, TranscriptStore transcripts, UnitOfWork units,
                         OrgId org, List<String> channels) {
        Conversations conversations = new Conversations(channels);
        this.api = new ChatApi(bot, organisations, org, conversations, new ConversationLog(transcripts, org), units);
    }

    public void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS;
            files.directory = ASSETS;
            files.location = Location.CLASSPATH;
            files.headers = PAGE_HEADERS;
        });
        byte[] page = resource(ASSETS + "/index.html");
        config.routes.get("/", ctx -> {
            PAGE_HEADERS.forEach(ctx::header);
            ctx.contentType("text/html; charset=utf-8").result(page);
        });
        config.routes.get("/api/chat/users", guarded(api::users));
        config.routes.get("/api/chat/conversations", guarded(api::conversations));
        config.routes.get("/api/chat/conversations/{id}/messages", guarded(api::messages));
        config.routes.post("/api/chat/messages", guarded(api::text));
        config.routes.post("/api/chat/actions", guarded(api::action));
        config.routes.post("/api/chat/forms", guarded(api::form));
    }

    /** Turns every failure of a chat route into a JSON error; stack traces go to the log only. */
    private static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ChatApiException e) {
                writeError(ctx, e);
            } catch (HttpResponseException e) {
                String message = e.getStatus() == 413 ? "Forespørgslen er for stor." : e.getMessage();
                writeError(ctx, ChatApiException.of(e.getStatus(), "http_" + e.getStatus(), message));
            } catch (RuntimeException e) {
                LOG.error("web chat request {} {} failed", ctx.method(), ctx.path(), e);
                writeError(ctx, ChatApiException.of(500, "internal", "Der skete en fejl. Prøv igen om lidt."));
            }
        };
    }

    private static void writeError(Context ctx, ChatApiException e) {
        ApiJson.write(ctx, e.status(), new ApiJson.Error(e.code(), e.getMessage()));
    }

    private static byte[] resource(String path) {
        try (InputStream in = WebChatPlugin.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
