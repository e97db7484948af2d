package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything stored about one measurement that a report is computed from.
 *
 * @param questionnaires the questionnaires the measurement pinned, per audience
 * @param responses      the anonymous responses (answers: item id to 1-5, 0 = "ved ikke")
 * @param comments       the anonymous comments
 * @param counts         registered and submitted counts per group (as {@code MeasurementStore.responseCounts}
 *                       gives them); only {@code registered} is used, for the response rate
 */
public record MeasurementData(
        Measurement measurement,
        Map<Audience, Questionnaire> questionnaires,
        List<StoredResponse> responses,
        List<StoredComment> comments,
        List<ResponseCounts> counts) {

    public MeasurementData {
        Objects.requireNonNull(measurement, "measurement");
        questionnaires = Map.copyOf(questionnaires);
        responses = List.copyOf(responses);
        comments = List.copyOf(comments);
        counts = List.copyOf(counts);
    }
}
