package dk.vum.barometer.core.model;

import java.util.Map;

/** An anonymous response as read back for a report: group, pinned content and answers, nothing else. */
public record StoredResponse(ReportGroup group, String contentHash, Map<String, Integer> answers) {

    public StoredResponse {
        answers = Map.copyOf(answers);
    }
}
