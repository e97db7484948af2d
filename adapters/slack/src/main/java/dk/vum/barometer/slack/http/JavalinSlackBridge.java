package dk.vum.barometer.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bolt on Javalin, in the shape of Bolt's own host bridges (bolt-jetty, bolt-http4k): the raw body and the
 * headers go untouched into a Bolt request, {@code App.run} handles it, and Bolt's response is copied
 * back. The signature of Slack's requests is checked first, in constant time, so nothing reads an unsigned, forged or stale
 * request (401); a payload Bolt cannot make sense of gets 400, never 500.
 */
public final class JavalinSlackBridge implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinSlackBridge.class);

    private final App app;
    private final SlackRequestParser parser;
    private final RequestSignature signature;

    public JavalinSlackBridge(App app, RequestSignature signature) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
    }

    @Override
    public void handle(Context ctx) {
        // Slack signs the bytes it sent; they are UTF-8 whatever the request's content type says.
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (!signature.valid(ctx.header(RequestSignature.TIMESTAMP_HEADER), body, ctx.header(RequestSignature.SIGNATURE_HEADER))) {
            plain(ctx, 401, "invalid or missing signature");
            return;
        }
        run(ctx, body);
    }

    /**
     * The OAuth install pages ({@code GET /slack/install}, {@code /slack/oauth_redirect}): a browser, not Slack,
     * calls them, so nothing is signed; Bolt checks the signed {@code state} against the browser's cookie.
     */
    public void handleOAuth(Context ctx) {
        run(ctx, "");
    }

    private void run(Context ctx, String body) {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .requestBody(body)
                    .headers(new RequestHeaders(headers(ctx)))
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) {
            request = null;
        }
        if (request == null) {
            plain(ctx, 400, "malformed Slack payload");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            // Bolt builds payload objects lazily from JSON; a signed but broken payload can fail only here.
            LOG.warn("Slack request could not be handled: {}", e.toString());
            plain(ctx, 400, "malformed Slack payload");
            return;
        }
        write(ctx, response);
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }

    private static void write(Context ctx, Response response) {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        // Bolt answers 500 when a listener fails; for Slack that means "retry", but the fault is the payload's.
        ctx.status(status >= 500 ? 400 : status);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) ctx.contentType(response.getContentType());
        if (response.getBody() != null) ctx.result(response.getBody());
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }
}
