package dk.vum.barometer.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one content file into its record. Syntax and mapping errors become a
 * {@link ContentValidationException} naming the file, the line, and the item, theme or area the error is in.
 */
final class ContentReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The JSON arrays whose elements carry an id, and what an element is called in a message. */
    private static final Map<String, String> ELEMENT_NAMES = Map.of("items", "item", "themes", "theme", "areas", "area");

    private ContentReader() {
    }

    static <T> T read(String file, byte[] json, Class<T> type) {
        JsonNode tree = parse(file, json);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new ContentValidationException(file, subject(tree, type, e.getPath()), problem(e));
        } catch (IOException e) {
            throw new ContentValidationException(file, null, e.getMessage());
        }
    }

    private static JsonNode parse(String file, byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContentValidationException(file, null, "invalid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ContentValidationException(file, null, e.getMessage());
        }
    }

    /** The innermost element with an id on the path to the error, e.g. "item opstart.ledelse.it.1 (items[0].text)". */
    private static String subject(JsonNode root, Class<?> type, List<JsonMappingException.Reference> path) {
        StringBuilder where = new StringBuilder();
        String subject = root.path("id").isTextual()
                ? type.getSimpleName().toLowerCase(Locale.ROOT) + " " + root.path("id").asText()
                : null;
        String container = null;
        JsonNode node = root;
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                where.append(where.length() == 0 ? "" : ".").append(ref.getFieldName());
                container = ref.getFieldName();
                node = node.path(ref.getFieldName());
            } else {
                where.append('[').append(ref.getIndex()).append(']');
                node = node.path(ref.getIndex());
                if (ELEMENT_NAMES.containsKey(container) && node.path("id").isTextual()) {
                    subject = ELEMENT_NAMES.get(container) + " " + node.path("id").asText();
                }
            }
        }
        if (where.length() == 0) return subject;
        return subject == null ? where.toString() : subject + " (" + where + ")";
    }

    private static String problem(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            // The record constructors reject missing lists and blank Danish texts; say so plainly.
            message = e.getCause() instanceof NullPointerException
                    ? "a required field is missing or null"
                    : e.getCause().getMessage();
        }
        return message + at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
