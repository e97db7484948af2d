package dk.vum.barometer.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical JSON for a questionnaire and its content hash. A measurement stores the JSON under the
 * hash when it is created, so later edits of the content files never change it.
 */
public final class QuestionnaireCodec {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private QuestionnaireCodec() {
    }

    public static String toJson(Questionnaire questionnaire) {
        try {
            return CANONICAL.writeValueAsString(questionnaire);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Questionnaire fromJson(String json) {
        try {
            return CANONICAL.readValue(json, Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 (hex) of the canonical JSON: equal content, equal hash. */
    public static String hash(Questionnaire questionnaire) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(questionnaire).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
