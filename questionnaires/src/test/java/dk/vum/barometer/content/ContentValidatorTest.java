package dk.vum.barometer.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dk.vum.barometer.content.ContentFolder.element;
import static dk.vum.barometer.content.ContentFolder.remove;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One broken copy of the shipped content per rule; the message must name the file and what in it is wrong. */
class ContentValidatorTest {

    private static final String LEDELSE = "opstart-ledelse.json";
    private static final String SAGSBEHANDLERE = "opstart-sagsbehandlere.json";
    private static final String CHECKLIST = "checklist.json";
    private static final String TEAM_MEETING = "team-meeting.json";
    private static final String IT_1 = "opstart.ledelse.it.3";

    @TempDir
    Path dir;
    private ContentFolder folder;

    @BeforeEach
    void copyShippedContent() {
        folder = ContentFolder.copyOfShipped(dir);
    }

    // --- reading ---

    @Test
    void invalidJsonNamesTheFileAndLine() {
        String json = folder.read(LEDELSE);
        folder.write(LEDELSE, json.substring(0, json.indexOf(IT_1) + 30));
        assertRejected(LEDELSE + ": invalid JSON (line ");
    }

    @Test
    void unknownFieldNamesTheItem() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).put("txt", "tastefejl"));
        assertRejected(LEDELSE + ": item " + IT_1 + " (items[0].txt): Unrecognized field \"txt\"");
    }

    @Test
    void blankDanishTextNamesTheItem() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).withObjectProperty("text").put("da", " "));
        assertRejected(LEDELSE + ": item " + IT_1 + " (items[0].text)", "Danish text is required");
    }

    @Test
    void missingListNamesTheFile() {
        folder.edit(LEDELSE, root -> root.remove("themes"));
        assertRejected(LEDELSE + ": ", "a required field is missing or null");
    }

    @Test
    void unknownStageNamesTheField() {
        folder.edit(LEDELSE, root -> root.put("stage", "MIDTVEJS"));
        assertRejected(LEDELSE + ": questionnaire opstart-ledelse (stage)", "MIDTVEJS");
    }

    // --- each questionnaire ---

    @Test
    void missingTextNamesTheItem() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).remove("text"));
        assertRejected(LEDELSE + ": item " + IT_1 + ": \"text\" is missing");
    }

    @Test
    void missingIntroNamesTheQuestionnaire() {
        folder.edit(LEDELSE, root -> root.remove("intro"));
        assertRejected(LEDELSE + ": questionnaire opstart-ledelse: \"intro\" is missing");
    }

    @Test
    void scaleWithoutItsTopOptionIsIncomplete() {
        folder.edit(LEDELSE, root -> root.withObjectProperty("scale").withArrayProperty("options").remove(4));
        assertRejected(LEDELSE + ": scale: options must have the values [1, 2, 3, 4, 5] in that order, found [1, 2, 3, 4]");
    }

    @Test
    void scaleOptionWithoutLabelIsIncomplete() {
        folder.edit(LEDELSE, root -> ((ObjectNode) root.withObjectProperty("scale").withArrayProperty("options").get(2))
                .remove("label"));
        assertRejected(LEDELSE + ": scale: option 3 has no label");
    }

    @Test
    void dontKnowMustBeZero() {
        folder.edit(LEDELSE, root -> root.withObjectProperty("scale").withObjectProperty("dontKnow").put("value", 6));
        assertRejected(LEDELSE + ": scale: \"dontKnow\" must have the value 0, found 6");
    }

    @Test
    void notRelevantIsRequired() {
        folder.edit(LEDELSE, root -> root.withObjectProperty("scale").remove("notRelevant"));
        assertRejected(LEDELSE + ": scale: \"notRelevant\" is missing");
    }

    @Test
    void notRelevantMustBeMinusOneSoNoVersion1AnswerCanBeReadAsIt() {
        folder.edit(LEDELSE, root -> root.withObjectProperty("scale").withObjectProperty("notRelevant").put("value", 0));
        assertRejected(LEDELSE + ": scale: \"notRelevant\" must have the value -1, found 0");
    }

    @Test
    void dontKnowAndNotRelevantMustBeTwoAnswers() {
        folder.edit(LEDELSE, root -> root.withObjectProperty("scale").withObjectProperty("notRelevant")
                .withObjectProperty("label").put("da", "ved ikke"));
        assertRejected(LEDELSE + ": scale: label \"ved ikke\" is used twice");
    }

    @Test
    void scaleLabelsNeedEnglish() {
        folder.edit(LEDELSE, root -> ((ObjectNode) root.withObjectProperty("scale").withArrayProperty("options").get(2))
                .withObjectProperty("label").remove("en"));
        assertRejected(LEDELSE + ": scale: option 3 has no English label");
    }

    @Test
    void sameStatementTwiceIsNamed() {
        folder.edit(LEDELSE, root -> element(root, "items", "opstart.ledelse.plan.3").withObjectProperty("text")
                .put("da", "  det er afklaret, hvordan IT-systemet skal understøtte   arbejdet med VUM 2.0"));
        assertRejected(LEDELSE + ": item opstart.ledelse.plan.3: says the same as item " + IT_1);
    }

    @Test
    void duplicateThemeIdIsNamed() {
        folder.edit(LEDELSE, root -> element(root, "themes", "kommunikation").put("id", "roller-og-ansvar"));
        assertRejected(LEDELSE + ": theme roller-og-ansvar: duplicate theme id");
    }

    @Test
    void themeMustPointAtAChecklistArea() {
        folder.edit(LEDELSE, root -> element(root, "themes", "opfoelgning").put("checklistArea", "evaluering"));
        assertRejected(LEDELSE + ": theme opfoelgning: checklistArea \"evaluering\" is not an area of checklist.json");
    }

    @Test
    void tooFewItemsAreRejected() {
        folder.edit(LEDELSE, root -> {
            ArrayNode items = root.withArrayProperty("items");
            while (items.size() > 14) items.remove(items.size() - 1);
        });
        assertRejected(LEDELSE + ": questionnaire opstart-ledelse: has 14 items, must have 15 to 30");
    }

    @Test
    void tooManyItemsAreRejected() {
        folder.edit(LEDELSE, root -> {
            ArrayNode items = root.withArrayProperty("items");
            for (int n = 1; items.size() < 31; n++) {
                items.addObject().put("id", "opstart.ledelse.faglig.extra" + n).put("theme", "faglig-praksis")
                        .putObject("text").put("da", "Ekstra udsagn " + n + ".");
            }
        });
        assertRejected(LEDELSE + ": questionnaire opstart-ledelse: has 31 items, must have 15 to 30");
    }

    @Test
    void itemWithUnknownThemeIsNamed() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).put("theme", "it"));
        assertRejected(LEDELSE + ": item " + IT_1 + ": theme \"it\" is not a theme of this questionnaire");
    }

    @Test
    void itemsMustBeGroupedByTheme() {
        folder.edit(LEDELSE, root -> {
            ArrayNode items = root.withArrayProperty("items");
            JsonNode first = items.remove(0);
            items.add(first);
        });
        assertRejected(LEDELSE + ": item " + IT_1 + ": comes after items of a later theme");
    }

    @Test
    void themeWithoutItemsIsNamed() {
        folder.edit(LEDELSE, root -> remove(root, "items", item -> item.path("theme").asText().equals("kommunikation")));
        assertRejected(LEDELSE + ": theme kommunikation: has no items");
    }

    // --- across questionnaires ---

    @Test
    void duplicateItemIdWithinAQuestionnaireIsNamed() {
        folder.edit(LEDELSE, root -> element(root, "items", "opstart.ledelse.plan.3").put("id", IT_1));
        assertRejected(LEDELSE + ": item " + IT_1 + ": duplicate item id (also in " + LEDELSE + ")");
    }

    @Test
    void duplicateItemIdAcrossQuestionnairesIsNamed() {
        folder.edit("forankring-ledelse.json", root -> element(root, "items", "forankring.ledelse.it.1").put("id", IT_1));
        assertRejected("forankring-ledelse.json: item " + IT_1 + ": duplicate item id (also in " + LEDELSE + ")");
    }

    @Test
    void secondQuestionnaireForTheSameStageAndAudienceIsNamed() {
        folder.edit("forankring-ledelse.json", root -> root.put("stage", "OPSTART"));
        assertRejected("forankring-ledelse.json: questionnaire forankring-ledelse: is a second questionnaire for stage OPSTART"
                + " and audience LEDELSE (the first is in " + LEDELSE + ")");
    }

    @Test
    void missingStageAndAudienceIsNamedAgainstTheManifest() {
        folder.edit(ContentLoader.MANIFEST, root -> remove(root, "questionnaires", f -> f.asText().equals("forankring-ledelse.json")));
        assertRejected("manifest.json: names no questionnaire for stage FORANKRING and audience LEDELSE");
    }

    @Test
    void themesMustBeTheSameInAllQuestionnaires() {
        folder.edit(SAGSBEHANDLERE, root -> {
            remove(root, "themes", theme -> theme.path("id").asText().equals("faglig-praksis"));
            remove(root, "items", item -> item.path("theme").asText().equals("faglig-praksis"));
        });
        assertRejected(SAGSBEHANDLERE + ": themes: must be the same, in the same order, in all questionnaires", "faglig-praksis");
    }

    @Test
    void danglingParallelIsNamed() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).put("parallelItem", "opstart.sagsbehandlere.it.9"));
        assertRejected(LEDELSE + ": item " + IT_1 + ": parallelItem \"opstart.sagsbehandlere.it.9\" is not an item of " + SAGSBEHANDLERE);
    }

    @Test
    void parallelMustBeInTheOtherAudiencesQuestionnaireOfTheSameStage() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).put("parallelItem", "forankring.sagsbehandlere.it.1"));
        assertRejected(LEDELSE + ": item " + IT_1 + ": parallelItem \"forankring.sagsbehandlere.it.1\" is not an item of " + SAGSBEHANDLERE);
    }

    @Test
    void parallelMustPointBack() {
        folder.edit(SAGSBEHANDLERE, root -> element(root, "items", "opstart.sagsbehandlere.it.3").putNull("parallelItem"));
        assertRejected(LEDELSE + ": item " + IT_1 + ": parallelItem \"opstart.sagsbehandlere.it.3\" in " + SAGSBEHANDLERE
                + " does not point back (its parallelItem is \"null\")");
    }

    @Test
    void parallelMustBeInTheSameTheme() {
        folder.edit(LEDELSE, root -> element(root, "items", IT_1).put("parallelItem", "opstart.sagsbehandlere.plan.4"));
        folder.edit(SAGSBEHANDLERE, root -> element(root, "items", "opstart.sagsbehandlere.plan.4").put("parallelItem", IT_1));
        assertRejected(LEDELSE + ": item " + IT_1 + ": parallelItem \"opstart.sagsbehandlere.plan.4\" is in theme"
                + " \"implementeringsplan\", this item in \"it-understoettelse\"");
    }

    // --- the checklist ---

    @Test
    void duplicateAreaIdIsNamed() {
        folder.edit(CHECKLIST, root -> element(root, "areas", "kommunikation").put("id", "roller-og-ansvar"));
        assertRejected(CHECKLIST + ": area roller-og-ansvar: duplicate area id");
    }

    @Test
    void duplicateAreaNumberIsNamed() {
        folder.edit(CHECKLIST, root -> element(root, "areas", "kommunikation").put("number", 5));
        assertRejected(CHECKLIST + ": area kommunikation: duplicate area number 5");
    }

    @Test
    void areaWithoutCheckQuestionIsNamed() {
        folder.edit(CHECKLIST, root -> element(root, "areas", "opfoelgning").remove("checkQuestion"));
        assertRejected(CHECKLIST + ": area opfoelgning: \"checkQuestion\" is missing");
    }

    @Test
    void areaWithoutReflectionQuestionsIsNamed() {
        folder.edit(CHECKLIST, root -> element(root, "areas", "opfoelgning").putArray("reflectionQuestions"));
        assertRejected(CHECKLIST + ": area opfoelgning: has no reflection questions");
    }

    @Test
    void removingAnAreaAThemeUsesIsCaughtAtTheTheme() {
        folder.edit(CHECKLIST, root -> remove(root, "areas", area -> area.path("id").asText().equals("faglig-praksis")));
        assertRejected(LEDELSE + ": theme faglig-praksis: checklistArea \"faglig-praksis\" is not an area of checklist.json");
    }

    // --- the team meeting's questions ---

    @Test
    void themeWithoutTeamMeetingQuestionsIsNamed() {
        folder.edit(TEAM_MEETING, root -> remove(root, "themes", t -> t.path("theme").asText().equals("opfoelgning")));
        assertRejected(TEAM_MEETING + ": theme opfoelgning: has no questions for the team meeting");
    }

    @Test
    void teamMeetingQuestionsForAnUnknownThemeAreNamed() {
        folder.edit(TEAM_MEETING, root -> ((ObjectNode) root.withArrayProperty("themes").get(0)).put("theme", "it"));
        assertRejected(TEAM_MEETING + ": theme it: is not a theme of the questionnaires");
    }

    @Test
    void themeWithAnEmptyListOfTeamMeetingQuestionsIsNamed() {
        folder.edit(TEAM_MEETING, root -> ((ObjectNode) root.withArrayProperty("themes").get(1)).putArray("questions"));
        assertRejected(TEAM_MEETING + ": theme implementeringsplan: has no questions");
    }

    @Test
    void manifestMustNameTheTeamMeetingFile() {
        folder.edit("manifest.json", root -> root.remove("teamMeeting"));
        assertRejected("manifest.json: must name");
    }

    private void assertRejected(String... messageParts) {
        assertThatThrownBy(folder::load)
                .isInstanceOf(ContentValidationException.class)
                .hasMessageStartingWith(messageParts[0])
                .hasMessageContainingAll(List.of(messageParts).toArray(String[]::new));
    }
}
