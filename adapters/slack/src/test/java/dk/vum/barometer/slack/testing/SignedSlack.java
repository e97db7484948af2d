package dk.vum.barometer.slack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.slack.http.RequestSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays Slack towards the bot's {@code /slack/events}: builds slash command, event, block action and
 * view submission payloads as Slack sends them, and signs them with the signing secret (or not, or badly).
 */
public final class SignedSlack {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final URI endpoint;
    private final RequestSignature signer;
    private final Clock clock;
    private final String team;
    private final HttpClient http = HttpClient.newHttpClient();

    public SignedSlack(URI endpoint, String signingSecret, Clock clock, String team) {
        this.endpoint = endpoint;
        this.signer = new RequestSignature(signingSecret, clock);
        this.clock = clock;
        this.team = team;
    }

    public static String next() {
        return String.valueOf(SEQUENCE.incrementAndGet());
    }

    // ---- sending --------------------------------------------------------------------------------

    /** Posts the body signed with the current time. */
    public HttpResponse<String> post(String body, String contentType) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return post(body, contentType, Map.of(RequestSignature.TIMESTAMP_HEADER, timestamp,
                RequestSignature.SIGNATURE_HEADER, signer.sign(timestamp, body)));
    }

    /** Posts the body with exactly these headers (none, forged, stale ...). */
    public HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
        // A bounded wait: a request that is not acknowledged fails the test instead of hanging it.
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String sign(String timestamp, String body) {
        return signer.sign(timestamp, body);
    }

    // ---- payloads -------------------------------------------------------------------------------

    /** A slash command as Slack posts it (form-encoded). */
    public String command(String user, String channel, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        form.put("team_id", team);
        form.put("team_domain", "stub");
        form.put("channel_id", channel);
        form.put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/barometer");
        form.put("text", text);
        form.put("api_app_id", "A0STUB");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "trigger." + next());
        return form(form);
    }

    /** An Events API callback around the given event. */
    public String event(ObjectNode event, String eventId) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy").put("team_id", team).put("api_app_id", "A0STUB")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", clock.instant().getEpochSecond());
        body.set("event", event);
        return body.toString();
    }

    public String directMessage(String user, String text, String eventId) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("user", user).put("text", text)
                .put("channel", "D" + user).put("channel_type", "im").put("ts", "1700000001." + next());
        return event(event, eventId);
    }

    /** A button click in a message of the bot's; {@code actionTs} as Slack stamps the click. */
    public String blockAction(String user, String channel, String messageTs, String actionId, String value,
                              String actionTs, String responseUrl) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0STUB")
                .put("trigger_id", "trigger." + next()).put("response_url", responseUrl);
        p.putObject("team").put("id", team).put("domain", "stub");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", team);
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel);
        p.putObject("channel").put("id", channel).put("name", channel.startsWith("D") ? "directmessage" : "general");
        ArrayNode actions = p.putArray("actions");
        actions.addObject().put("type", "button").put("action_id", actionId).put("block_id", "b" + next())
                .put("value", value).put("action_ts", actionTs);
        return payload(p);
    }

    /** A modal submitted with the given state values ({@code {block: {action: value}}}). */
    public String viewSubmission(String user, String viewId, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0STUB")
                .put("trigger_id", "trigger." + next());
        p.putObject("team").put("id", team).put("domain", "stub");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", team);
        ObjectNode view = p.putObject("view").put("id", viewId).put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", privateMetadata).put("hash", "h" + next());
        view.putObject("state").set("values", values);
        return payload(p);
    }

    public static String payload(ObjectNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    public static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON_TYPE = "application/json";
}
