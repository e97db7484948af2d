package dk.vum.barometer.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireCodecTest {

    private static final String FILE = "opstart-sagsbehandlere.json";

    @Test
    void equalContentHasEqualHashEvenWhenTheFileIsFormattedDifferently(@TempDir Path dir) {
        ContentCatalog shipped = ContentLoader.loadDefault();
        // Rewriting through the pretty printer changes the file's layout, not its content.
        ContentCatalog reformatted = ContentFolder.copyOfShipped(dir).edit(FILE, root -> { }).load();

        for (Stage stage : Stage.values()) {
            for (Audience audience : Audience.values()) {
                assertThat(QuestionnaireCodec.hash(reformatted.questionnaire(stage, audience)))
                        .isEqualTo(QuestionnaireCodec.hash(shipped.questionnaire(stage, audience)))
                        .hasSize(64);
            }
        }
    }

    @Test
    void changingOneTextChangesTheHashOfThatQuestionnaireOnly(@TempDir Path dir) {
        ContentCatalog shipped = ContentLoader.loadDefault();
        ContentCatalog edited = ContentFolder.copyOfShipped(dir)
                .edit(FILE, root -> ContentFolder.element(root, "items", "opstart.sagsbehandlere.it.3")
                        .withObjectProperty("text").put("en", "I know how the IT system supports my work."))
                .load();

        assertThat(hash(edited, Audience.SAGSBEHANDLERE)).isNotEqualTo(hash(shipped, Audience.SAGSBEHANDLERE));
        assertThat(hash(edited, Audience.LEDELSE)).isEqualTo(hash(shipped, Audience.LEDELSE));
    }

    @Test
    void canonicalJsonReadsBackToAnEqualQuestionnaire() {
        for (Questionnaire questionnaire : ContentLoader.loadDefault().questionnaires()) {
            Questionnaire copy = QuestionnaireCodec.fromJson(QuestionnaireCodec.toJson(questionnaire));
            assertThat(copy).isEqualTo(questionnaire);
            assertThat(QuestionnaireCodec.hash(copy)).isEqualTo(QuestionnaireCodec.hash(questionnaire));
        }
    }

    /** Version 1 had no "ikke relevant": its pinned JSON reads back, and writes, without the field. */
    @Test
    void aScaleWithoutNotRelevantKeepsItsJsonAndHash() {
        Questionnaire v2 = ContentLoader.loadDefault().questionnaire(Stage.OPSTART, Audience.LEDELSE);
        Questionnaire v1 = new Questionnaire(v2.id(), 1, v2.stage(), v2.audience(), v2.title(), v2.intro(),
                new Scale(v2.scale().options(), v2.scale().dontKnow(), null), v2.themes(), v2.items());
        String json = QuestionnaireCodec.toJson(v1);
        assertThat(json).doesNotContain("notRelevant");
        assertThat(QuestionnaireCodec.fromJson(json)).isEqualTo(v1);
        assertThat(QuestionnaireCodec.fromJson(json).scale().isValid(Scale.NOT_RELEVANT)).isFalse();
        assertThat(QuestionnaireCodec.toJson(v2)).contains("\"notRelevant\":{\"label\"");
    }

    private static String hash(ContentCatalog catalog, Audience audience) {
        return QuestionnaireCodec.hash(catalog.questionnaire(Stage.OPSTART, audience));
    }
}
