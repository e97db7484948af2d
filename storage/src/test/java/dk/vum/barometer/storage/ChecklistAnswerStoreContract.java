package dk.vum.barometer.storage;

import dk.vum.barometer.core.model.ChecklistAnswer;
import dk.vum.barometer.core.model.ChecklistVerdict;
import dk.vum.barometer.core.store.ChecklistAnswerStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour of every {@link ChecklistAnswerStore}. */
public abstract class ChecklistAnswerStoreContract extends FollowUpStoreContract {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void everyAnswerIsKeptInOrderPerTeam() {
        ChecklistAnswerStore answers = storage.checklistAnswers();
        ChecklistAnswer first = new ChecklistAnswer("team-nord", 3, ChecklistVerdict.NEJ, null, "lars", T);
        ChecklistAnswer second = new ChecklistAnswer("team-nord", 3, ChecklistVerdict.DELVIS, "<b>næsten</b>", "tina", T.plusSeconds(60));
        answers.recordAnswer(A, first);
        answers.recordAnswer(A, second);
        answers.recordAnswer(A, new ChecklistAnswer("team-syd", 3, ChecklistVerdict.JA, null, "lene", T));
        answers.recordAnswer(B, new ChecklistAnswer("team-nord", 1, ChecklistVerdict.JA, null, "x", T));

        assertThat(answers.answers(A, "team-nord")).containsExactly(first, second);
        assertThat(answers.answers(B, "team-nord")).hasSize(1);
        assertThat(answers.answers(A, "team-vest")).isEmpty();
    }
}
