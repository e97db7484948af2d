package dk.vum.barometer.core.model;

import java.util.Map;

/**
 * The answers a respondent hands in. Stored with a random id and the group only: not even the day,
 * which could single out the one person in a group who answered on it.
 *
 * @param answers  item id to scale value (0 = ved ikke)
 * @param comments theme id to free text
 */
public record Submission(ReportGroup group, String contentHash, Map<String, Integer> answers,
                         Map<String, String> comments) {

    public Submission {
        answers = Map.copyOf(answers);
        comments = Map.copyOf(comments);
    }
}
