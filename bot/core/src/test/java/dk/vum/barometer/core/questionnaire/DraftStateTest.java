package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DraftStateTest {

    static final Questionnaire Q = new Questionnaire("q", 1, Stage.OPSTART, Audience.SAGSBEHANDLERE,
            Text.da("Titel"), Text.da("Intro"),
            new Scale(List.of(new ScaleOption(1, Text.da("Helt uenig")), new ScaleOption(2, Text.da("Uenig")),
                    new ScaleOption(3, Text.da("Delvis enig")), new ScaleOption(4, Text.da("Enig")),
                    new ScaleOption(5, Text.da("Helt enig"))), new ScaleOption(0, Text.da("Ved ikke")), null),
            List.of(new Theme("t1", Text.da("Tema 1"), "a1"), new Theme("t2", Text.da("Tema 2"), "a2")),
            List.of(new Item("i1", "t1", Text.da("Et"), null), new Item("i2", "t1", Text.da("To"), null),
                    new Item("i3", "t2", Text.da("Tre"), null)));

    @Test
    void answeringMovesToTheNextUnansweredItemThenReview() {
        DraftState s = DraftState.start(Q);
        assertThat(s.position()).isEqualTo("i1");
        s = s.answer(Q, "i1", 4);
        assertThat(s.position()).isEqualTo("i2");
        s = s.answer(Q, "i2", 0);
        s = s.answer(Q, "i3", 2);
        assertThat(s.atReview()).isTrue();
        assertThat(s.complete(Q)).isTrue();
        assertThat(s.answers()).containsEntry("i2", 0);
    }

    @Test
    void theSameClickTwiceGivesTheSameState() {
        DraftState once = DraftState.start(Q).answer(Q, "i1", 3);
        DraftState twice = once.answer(Q, "i1", 3);
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void goingBackAndChangingAnAnswerSkipsToWhatIsStillOpen() {
        DraftState s = DraftState.start(Q).answer(Q, "i1", 3).answer(Q, "i2", 4);
        s = s.back(Q, "i3");
        assertThat(s.position()).isEqualTo("i2");
        s = s.back(Q, "i2").answer(Q, "i1", 5);
        assertThat(s.position()).isEqualTo("i3");
        assertThat(s.answers()).containsEntry("i1", 5).containsEntry("i2", 4);
        assertThat(s.back(Q, "i1").position()).isEqualTo("i1");
        assertThat(s.back(Q, DraftState.REVIEW).position()).isEqualTo("i3");
    }

    @Test
    void commentsAreSetClearedAndSurviveJson() {
        DraftState s = DraftState.start(Q).awaitComment("t1");
        assertThat(s.awaitingComment()).isEqualTo("t1");
        s = s.comment("t1", "  Planen er <b>uklar</b> ");
        assertThat(s.awaitingComment()).isNull();
        assertThat(s.comments()).containsEntry("t1", "Planen er <b>uklar</b>");
        assertThat(DraftState.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.comment("t1", " ").comments()).isEmpty();
    }
}
