package dk.vum.barometer.core.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * The answers a respondent hands in. Stored with a random id, the group and the day only.
 *
 * @param answers  item id to scale value (0 = ved ikke)
 * @param comments theme id to free text
 */
public record Submission(ReportGroup group, String contentHash, Map<String, Integer> answers,
                         Map<String, String> comments, LocalDate day) {

    public Submission {
        answers = Map.copyOf(answers);
        comments = Map.copyOf(comments);
    }
}
