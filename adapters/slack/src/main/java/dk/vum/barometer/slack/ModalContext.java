package dk.vum.barometer.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;

/**
 * What a modal must remember until it is submitted, kept in its {@code private_metadata}: the core's form
 * id, the conversation it was opened from and the form's hidden values.
 */
record ModalContext(String form, String channel, Map<String, String> hidden) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ModalContext {
        hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<ModalContext> parse(String json) {
        if (json == null || json.isBlank()) return Optional.empty();
        try {
            ModalContext c = JSON.readValue(json, ModalContext.class);
            return c.channel() == null ? Optional.empty() : Optional.of(c);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
