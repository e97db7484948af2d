package dk.vum.barometer.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an activity's JSON into the SDK's {@link Activity}. The SDK parses times with one fixed pattern that
 * requires fractional seconds, so any valid ISO-8601 time ("2026-12-01T09:00:00Z" too) is first written in
 * that pattern.
 */
public final class ActivityJson {

    private static final DateTimeFormatter SDK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nXXX");
    private static final String[] TIMES = {"timestamp", "localTimestamp"};

    private ActivityJson() {
    }

    public static Activity read(String body) throws IOException, MalformedActivity {
        JsonNode tree = Serialization.jsonToTree(body);
        if (tree == null || !tree.isObject()) throw new MalformedActivity("empty body");
        ObjectNode activity = (ObjectNode) tree;
        for (String field : TIMES) {
            JsonNode time = activity.get(field);
            if (time == null || time.isNull()) continue;
            try {
                activity.put(field, SDK_TIME.format(OffsetDateTime.parse(time.asText())));
            } catch (DateTimeParseException e) {
                throw new MalformedActivity("unreadable " + field);
            }
        }
        Activity parsed = Serialization.treeToValue(activity, Activity.class);
        if (parsed == null) throw new MalformedActivity("empty body");
        return parsed;
    }
}
