package dk.vum.barometer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON request body, read field by field; every problem becomes a 400 with a message that names
 * the field, so a script author knows what to fix.
 */
final class RequestBody {

    /** Longest text a person may type or a form field may hold, in characters. */
    static final int MAX_TEXT = 4000;
    /** Longest id, action, button value or client id. */
    static final int MAX_ID = 200;
    private static final int MAX_FORM_VALUES = 100;

    private final JsonNode root;

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    static RequestBody parse(String body) {
        JsonNode root;
        try {
            root = ApiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ChatApiException.badRequest("Forespørgslen er ikke gyldig JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ChatApiException.badRequest("Forespørgslen skal være et JSON-objekt.");
        }
        return new RequestBody(root);
    }

    /** A string field that must be present and not blank. */
    String required(String field, int maxLength) {
        String value = optional(field, maxLength);
        if (value == null || value.isBlank()) throw ChatApiException.badRequest("Feltet '" + field + "' mangler.");
        return value;
    }

    /** A string field that may be missing or null. */
    String optional(String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        return checkedText(field, node, maxLength);
    }

    /** An object of string values, e.g. a form's values. */
    Map<String, String> stringMap(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) throw ChatApiException.badRequest("Feltet '" + field + "' mangler.");
        if (!node.isObject()) throw ChatApiException.badRequest("Feltet '" + field + "' skal være et JSON-objekt.");
        if (node.size() > MAX_FORM_VALUES) {
            throw ChatApiException.badRequest("Feltet '" + field + "' har for mange værdier (højst " + MAX_FORM_VALUES + ").");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String name = field + "." + e.getKey();
            if (e.getKey().length() > MAX_ID) throw ChatApiException.badRequest("Et feltnavn i '" + field + "' er for langt.");
            values.put(e.getKey(), e.getValue().isNull() ? "" : checkedText(name, e.getValue(), MAX_TEXT));
        });
        return values;
    }

    private static String checkedText(String field, JsonNode node, int maxLength) {
        if (!node.isTextual()) throw ChatApiException.badRequest("Feltet '" + field + "' skal være tekst.");
        String value = node.textValue();
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ChatApiException.badRequest("Feltet '" + field + "' er for langt (højst " + maxLength + " tegn).");
        }
        return value;
    }
}
