package dk.vum.barometer.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.MessageCodec;
import dk.vum.barometer.core.store.TranscriptEntry;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON shapes of the chat API and how they are written. The adapter uses its own Jackson 2
 * mapper, so it works whatever JSON mapper the host configured on Javalin.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ApiJson() {
    }

    record User(String id, String name) {
    }

    record Conversation(String id, String name, boolean direct) {
    }

    /**
     * A transcript entry; {@code message} is the neutral message as stored. An {@code ephemeral} one is a reply
     * to a command typed in a channel: only the asker gets it, in the response; it is not stored (seq 0).
     */
    record Entry(long seq, String replaceKey, @JsonRawValue String message, boolean ephemeral) {
        /** The stored message goes out as the JSON it was stored as: parsed and written again it would be the same. */
        static Entry of(TranscriptEntry entry) {
            return new Entry(entry.seq(), entry.replaceKey(), entry.payload(), false);
        }

        static Entry ephemeral(Message message) {
            return new Entry(0, message.replaceKey(), MessageCodec.toJson(message), true);
        }

        static List<Entry> of(List<TranscriptEntry> entries) {
            return entries.stream().map(Entry::of).toList();
        }
    }

    /** A page of a conversation; {@code more} says that the client should ask again at once. */
    record Messages(List<Entry> messages, boolean more) {
    }

    record Replies(List<Entry> replies) {
    }

    record Error(String error, String message) {
    }

    static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status)
                    .contentType("application/json; charset=utf-8")
                    .result(MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
