package dk.vum.barometer.bench;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.storage.JdbcStorage;

import java.util.List;

/** What the database holds for a measurement, counted after the SIGKILL. */
record Stored(int responses, long answers, int comments, int submittedRespondents) {

    /**
     * Counts through the store. Submissions are sealed and mixed into responses in batches, so the
     * measurement is closed first, which mixes every sealed submission: give it a copy of the database,
     * never the one the SIGKILL left.
     */
    static Stored countClosing(JdbcStorage copy, OrgId org, int measurement) {
        int submitted = copy.responseCounts(org, measurement).stream().mapToInt(ResponseCounts::submitted).sum();
        copy.close(org, measurement);
        List<StoredResponse> responses = copy.responses(org, measurement);
        return new Stored(responses.size(), responses.stream().mapToLong(r -> r.answers().size()).sum(),
                copy.comments(org, measurement).size(), submitted);
    }
}
