package dk.vum.barometer.storage;

import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.questionnaire.RespondentFlow;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.DraftTooLargeException;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of drafts, submissions and the anonymous responses, on every database. */
public abstract class ResponseStoreContract extends StorageContract {

    @Test
    void draftsAreSavedWithOptimisticVersions() {
        int m = openMeasurement(A, "U1");
        assertThat(store.draft(A, m, "U1")).isEmpty();

        assertThat(store.saveDraft(A, m, "U1", "s1", 0)).isTrue();
        assertThat(store.saveDraft(A, m, "U1", "lost", 0)).isFalse();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s1", 1));

        assertThat(store.saveDraft(A, m, "U1", "s2", 1)).isTrue();
        assertThat(store.saveDraft(A, m, "U1", "stale", 1)).isFalse();
        assertThat(store.saveDraft(A, m, "U1", "future", 7)).isFalse();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s2", 2));
    }

    /**
     * Every draft is stored padded to one size: one with the longest comment on each of nine themes, in
     * Danish prose, fits; one that does not fit (random Cyrillic letters, two bytes each, which do not compress) is
     * refused before anything is written, and the saved draft stays as it was.
     */
    @Test
    void aDraftWithEveryThemesLongestCommentFitsAndOneTooLargeIsRefusedUnchanged() throws IOException {
        int m = openMeasurement(A, "U1");
        String prose = danishProse();
        String longest = draftWithComments(theme -> prose.substring(theme * 1_900, theme * 1_900 + RespondentFlow.MAX_COMMENT_LENGTH));
        assertThat(store.saveDraft(A, m, "U1", longest, 0)).isTrue();
        assertThat(store.draft(A, m, "U1")).contains(new Draft(longest, 1));

        Random random = new Random(7);
        String tooLarge = draftWithComments(theme -> random.ints(RespondentFlow.MAX_COMMENT_LENGTH, 0x400, 0x500)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        assertThatThrownBy(() -> store.saveDraft(A, m, "U1", tooLarge, 1)).isInstanceOf(DraftTooLargeException.class);
        assertThat(store.draft(A, m, "U1")).contains(new Draft(longest, 1));
        assertThat(store.saveDraft(A, m, "U1", "{}", 1)).as("the version did not move").isTrue();
    }

    /** A draft's JSON with a comment on each of nine themes (0 to 8). */
    private static String draftWithComments(IntFunction<String> comment) {
        StringBuilder json = new StringBuilder("{\"answers\":{\"L1\":4},\"comments\":{");
        for (int theme = 0; theme < 9; theme++) {
            if (theme > 0) json.append(',');
            json.append("\"t").append(theme).append("\":\"").append(comment.apply(theme)).append('"');
        }
        return json.append("},\"position\":\"@review\"}").toString();
    }

    /** Every distinct Danish text of the shipped content (statements, checklist, team meeting): over 17,000 characters of prose. */
    private static String danishProse() throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        for (String file : List.of("opstart-ledelse", "opstart-sagsbehandlere", "forankring-ledelse", "forankring-sagsbehandlere",
                "checklist", "team-meeting")) {
            try (InputStream in = ContentLoader.class.getResourceAsStream("/content/" + file + ".json")) {
                new ObjectMapper().readTree(in).findValues("da").forEach(da -> texts.add(da.asText()));
            }
        }
        String prose = String.join(" ", texts);
        assertThat(prose.length()).as("enough prose for nine comments").isGreaterThan(8 * 1_900 + RespondentFlow.MAX_COMMENT_LENGTH);
        return prose;
    }

    @Test
    void draftsAreRefusedUnlessTheMeasurementIsOpenForTheRespondent() {
        int draft = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, draft, Map.of("U1", RespondentRole.LEDER), List.of());
        int closed = openMeasurement(A, "U1");
        store.close(A, closed);
        int open = openMeasurement(A, "U1");

        assertThat(store.saveDraft(A, draft, "U1", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, closed, "U1", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, open, "stranger", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, 99, "U1", "s", 0)).isFalse();
        assertThat(store.draft(A, draft, "U1")).isEmpty();
    }

    @Test
    void noDraftIsSavedAfterSubmitting() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);
        store.submit(A, m, "U1", submission(ReportGroup.LEDELSE));

        assertThat(store.saveDraft(A, m, "U1", "s2", 1)).isFalse();
        assertThat(store.saveDraft(A, m, "U1", "s2", 0)).isFalse();
        assertThat(store.draft(A, m, "U1")).isEmpty();
    }

    // Submissions

    @Test
    void aSubmissionBecomesAnAnonymousResponseAndEndsTheDraft() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "{\"cursor\":3}", 0);

        Submission s = new Submission(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 0),
                Map.of("t1", "Godt samarbejde", "t2", "Mere tid"));
        assertThat(store.submit(A, m, "U1", s)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(store.draft(A, m, "U1")).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.SUBMITTED);
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(
                new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 0)));
        assertThat(store.comments(A, m)).containsExactly(
                new StoredComment(ReportGroup.LEDELSE, "t1", "Godt samarbejde"),
                new StoredComment(ReportGroup.LEDELSE, "t2", "Mere tid"));
        assertThat(store.draft(A, m, "U1")).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.SUBMITTED);
    }

    @Test
    void aResponseWithoutAnswersIsKept() {
        int m = openMeasurement(A, "U1");

        store.submit(A, m, "U1", new Submission(ReportGroup.LEDELSE, "hash-l", Map.of(), Map.of()));
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of()));
    }

    @Test
    void aSecondSubmissionIsRefusedAndChangesNothing() {
        int m = openMeasurement(A, "U1");
        store.submit(A, m, "U1", submission(ReportGroup.LEDELSE));

        Submission other = new Submission(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 1), Map.of("t9", "igen"));
        assertThat(store.submit(A, m, "U1", other)).isEqualTo(SubmitResult.ALREADY_SUBMITTED);
        store.mixSealed();
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(
                new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 2)));
        assertThat(store.comments(A, m)).extracting(StoredComment::text).containsExactly("Fint");
    }

    @Test
    void aSubmissionAfterClosingIsRefused() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);
        store.close(A, m);

        assertThat(store.submit(A, m, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_OPEN);

        assertThat(store.responses(A, m)).isEmpty();
        assertThat(store.comments(A, m)).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
    }

    @Test
    void aSubmissionBeforeOpeningIsRefused() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, m, Map.of("U1", RespondentRole.LEDER), List.of());

        assertThat(store.submit(A, m, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_OPEN);
        assertThat(store.responses(A, m)).isEmpty();
    }

    @Test
    void onlyRespondentsCanSubmit() {
        int m = openMeasurement(A, "U1");

        assertThat(store.submit(A, m, "stranger", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_RESPONDENT);
        assertThat(store.submit(A, 99, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_RESPONDENT);
        assertThat(store.responses(A, m)).isEmpty();
    }

    @Test
    void answersFiledUnderAnotherGroupAreRefusedWithoutChange() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);

        assertThatThrownBy(() -> store.submit(A, m, "U1", submission(ReportGroup.MEDARBEJDERE)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.responses(A, m)).isEmpty();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s1", 1));
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
    }

    @Test
    void organisationsNeverSeeEachOthersMeasurementData() {
        int inA = openMeasurement(A, "U1");
        int inB = openMeasurement(B, "U1");
        assertThat(inA).isEqualTo(inB);
        store.saveDraft(A, inA, "U1", "draft in A", 0);
        store.saveDraft(B, inB, "U1", "draft in B", 0);

        store.submit(A, inA, "U1", submission(ReportGroup.LEDELSE));

        assertThat(store.responses(B, inB)).isEmpty();
        assertThat(store.comments(B, inB)).isEmpty();
        assertThat(store.draft(B, inB, "U1")).contains(new Draft("draft in B", 1));
        assertThat(store.respondent(B, inB, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
        assertThat(store.responseCounts(B, inB)).containsExactly(
                new ResponseCounts(ReportGroup.LEDELSE, 1, 0), new ResponseCounts(ReportGroup.MEDARBEJDERE, 0, 0));

        store.close(B, inB);
        assertThat(store.measurement(A, inA)).map(Measurement::status).contains(MeasurementStatus.OPEN);
        assertThat(store.submit(A, inA, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.ALREADY_SUBMITTED);
        store.close(A, inA);
        assertThat(store.responses(A, inA)).hasSize(1);
        assertThat(store.responses(B, inB)).isEmpty();
    }

    @Test
    void closingMakesEveryAcceptedSubmissionAResponseAndKeepsNoDraft() {
        String[] users = {"L1", "C1", "C2", "C3", "C4", "C5", "C6", "C7"};
        int m = openMeasurement(A, users);
        for (String u : users) {
            store.saveDraft(A, m, u, "{\"cursor\":1}", 0);
            ReportGroup group = u.startsWith("L") ? ReportGroup.LEDELSE : ReportGroup.MEDARBEJDERE;
            assertThat(store.submit(A, m, u, new Submission(group, group == ReportGroup.LEDELSE ? "hash-l" : "hash-s",
                    Map.of("i1", 3), Map.of("t1", "fra " + u)))).isEqualTo(SubmitResult.ACCEPTED);
            store.mixSealed();
        }
        store.saveDraft(A, m, "late", "{\"cursor\":1}", 0);

        assertThat(store.close(A, m)).isTrue();
        assertThat(store.mixSealed()).isZero();

        assertThat(store.responses(A, m)).hasSize(users.length)
                .filteredOn(r -> r.group() == ReportGroup.LEDELSE).hasSize(1);
        assertThat(store.comments(A, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(users).map(u -> "fra " + u).toList());
        assertThat(users).allSatisfy(u -> assertThat(store.draft(A, m, u)).isEmpty());
    }

    @Test
    void mixingAgainChangesNothing() {
        int m = openMeasurement(A, "L1", "C1", "C2", "C3");
        for (String u : List.of("C1", "C2", "C3")) store.submit(A, m, u, submission(ReportGroup.MEDARBEJDERE));
        store.mixSealed();
        store.mixSealed();
        store.close(A, m);
        store.mixSealed();

        assertThat(store.responses(A, m)).hasSize(3);
        assertThat(store.comments(A, m)).hasSize(3);
    }
}
