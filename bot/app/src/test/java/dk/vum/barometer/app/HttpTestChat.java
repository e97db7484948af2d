package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.MessageCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays users through the local web chat's JSON API over real HTTP, as the page and scripts do: events
 * are POSTed, replies come back in the response, conversations are read page by page.
 */
final class HttpTestChat extends TestChat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String channelReader;

    /** @param channelReader any user of the organisation: channels are read as them */
    HttpTestChat(int port, String channelReader) {
        super(null, null, DemoSeed.ORG);
        this.base = "http://127.0.0.1:" + port;
        this.channelReader = channelReader;
    }

    @Override
    protected List<Message> deliver(Inbound event) {
        ObjectNode body = JSON.createObjectNode()
                .put("user", event.address().userId())
                .put("conversation", event.address().conversationId())
                .put("clientId", event.deliveryId());
        String path;
        if (event instanceof Inbound.TextInput t) {
            body.put("text", t.text());
            path = "/api/chat/messages";
        } else if (event instanceof Inbound.ButtonInput b) {
            body.put("action", b.action()).put("value", b.value());
            path = "/api/chat/actions";
        } else {
            Inbound.FormInput f = (Inbound.FormInput) event;
            body.put("formId", f.formId()).set("values", JSON.valueToTree(f.values()));
            path = "/api/chat/forms";
        }
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return messages(answer.get("replies"));
    }

    @Override
    List<Message> conversation(String conversationId) {
        String reader = conversationId.startsWith("dm:") ? conversationId.substring(3) : channelReader;
        List<Message> all = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = send(HttpRequest.newBuilder(URI.create(base + "/api/chat/conversations/"
                    + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "/messages?user="
                    + URLEncoder.encode(reader, StandardCharsets.UTF_8) + "&after=" + after)).GET().build());
            for (JsonNode entry : page.get("messages")) after = Math.max(after, entry.get("seq").asLong());
            all.addAll(messages(page.get("messages")));
        } while (page.get("more").asBoolean());
        return all;
    }

    private static List<Message> messages(JsonNode entries) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode entry : entries) messages.add(MessageCodec.fromJson(entry.get("message").toString()));
        return messages;
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
