package dk.vum.barometer.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentLoaderTest {

    private static final List<String> THEMES = List.of(
            "it-understoettelse", "implementeringsplan", "forandringsledelse", "organisering-og-arbejdsgange",
            "roller-og-ansvar", "kommunikation", "uddannelse-og-traening", "opfoelgning", "faglig-praksis");

    private final ContentCatalog catalog = ContentLoader.loadDefault();

    @Test
    void shippedContentHasOneQuestionnairePerStageAndAudience() {
        for (Stage stage : Stage.values()) {
            for (Audience audience : Audience.values()) {
                Questionnaire questionnaire = catalog.questionnaire(stage, audience);
                assertThat(questionnaire.id()).isEqualTo((stage + "-" + audience).toLowerCase());
                assertThat(questionnaire.version()).isEqualTo(2);
            }
        }
        assertThat(catalog.questionnaires()).hasSize(4);
    }

    @Test
    void allFourQuestionnairesShareTheNineThemesEachWithItsChecklistArea() {
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            assertThat(questionnaire.themes()).extracting(Theme::id).containsExactlyElementsOf(THEMES);
            assertThat(questionnaire.themes()).allSatisfy(theme -> assertThat(theme.checklistArea()).isEqualTo(theme.id()));
        }
        assertThat(catalog.checklist().areas()).extracting(ChecklistArea::id).containsExactlyElementsOf(THEMES);
        assertThat(catalog.checklist().areas()).extracting(ChecklistArea::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void itemCountsAreInRangeWithTwoToSixItemsPerTheme() {
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            assertThat(questionnaire.items()).hasSizeBetween(ContentValidator.MIN_ITEMS, ContentValidator.MAX_ITEMS);
            for (String theme : THEMES) {
                assertThat(questionnaire.itemsOf(theme)).as(questionnaire.id() + " " + theme).hasSizeBetween(2, 6);
            }
        }
    }

    @Test
    void itemIdsReadStageAudienceThemeAndNumber() {
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            String prefix = questionnaire.id().replace('-', '.') + ".";
            assertThat(questionnaire.items()).extracting(Item::id)
                    .allSatisfy(id -> assertThat(id).startsWith(prefix).matches("[a-z]+\\.[a-z]+\\.[a-z]+\\.[1-9]"));
        }
    }

    @Test
    void mostItemsHaveAParallelInTheOtherAudiencesQuestionnaire() {
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            long paired = questionnaire.items().stream().filter(i -> i.parallelItem() != null).count();
            assertThat(paired).as(questionnaire.id()).isGreaterThanOrEqualTo(questionnaire.items().size() - 3);
        }
    }

    @Test
    void scaleIsBalancedWithDontKnowAndNotRelevantApart() {
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            Scale scale = questionnaire.scale();
            assertThat(scale.options()).extracting(o -> o.label().da()).containsExactly(
                    "Helt uenig", "Overvejende uenig", "Hverken enig eller uenig", "Overvejende enig", "Helt enig");
            assertThat(scale.options()).extracting(o -> o.label().en()).containsExactly(
                    "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");
            assertThat(scale.option(Scale.DONT_KNOW).orElseThrow().label()).isEqualTo(new Text("Ved ikke", "Don't know"));
            assertThat(scale.option(Scale.NOT_RELEVANT).orElseThrow().label()).isEqualTo(new Text("Ikke relevant", "Not relevant"));
            assertThat(scale.choices()).extracting(ScaleOption::value).containsExactly(1, 2, 3, 4, 5, 0, -1);
        }
    }

    @Test
    void eachQuestionnaireTakesAboutTenMinutes() {
        assertThat(catalog.questionnaires()).allSatisfy(q -> assertThat(q.items()).as(q.id()).hasSizeBetween(20, 25));
    }

    /** Opstart/godt i gang is answered before and after go-live: readiness phrasing must not dominate. */
    @Test
    void startUpItemsAreNotMostlyAboutReadiness() {
        for (Audience audience : Audience.values()) {
            List<String> texts = catalog.questionnaire(Stage.OPSTART, audience).items().stream().map(i -> i.text().da()).toList();
            long readiness = texts.stream().filter(t -> t.startsWith("Vi har") || t.startsWith("Jeg ved") || t.startsWith("Jeg kender")).count();
            assertThat(readiness).as(audience.name()).isLessThanOrEqualTo(texts.size() / 4);
            assertThat(texts).noneMatch(t -> t.contains("bliver uddannet") || t.contains("skal begynde"));
        }
    }

    /** One idea per statement: no "eller" alternatives and no leading praise. */
    @Test
    void statementsAreSingleAndNeutral() {
        assertThat(catalog.questionnaires().stream().flatMap(q -> q.items().stream()).map(i -> i.text().da()))
                .allSatisfy(text -> assertThat(text).doesNotContain(" eller ", "de gode resultater", "efter en fast rytme",
                        "møder usikkerhed", "klart fortalt", "udførers opgave"));
        assertThat(catalog.questionnaires().stream().flatMap(q -> q.items().stream()).map(i -> i.text().en()))
                .allSatisfy(text -> assertThat(text).doesNotContain("also when", "informing the case", "orders", "rhythm"));
    }

    @Test
    void teamMeetingQuestionsAreOpenQuestionsForEveryTheme() {
        for (String theme : THEMES) {
            assertThat(catalog.teamMeeting().questions(theme)).as(theme).hasSizeBetween(2, 4)
                    .allSatisfy(q -> assertThat(q.da()).matches("^(Hvad|Hvor|Hvordan|Hvem|Hvilke|Hvilken|Hvornår)\\b.*\\?$"));
        }
    }

    @Test
    void everyTextHasDanishAndEnglish() {
        List<Text> texts = new ArrayList<>();
        for (Questionnaire questionnaire : catalog.questionnaires()) {
            texts.add(questionnaire.title());
            texts.add(questionnaire.intro());
            questionnaire.scale().options().forEach(o -> texts.add(o.label()));
            texts.add(questionnaire.scale().dontKnow().label());
            texts.add(questionnaire.scale().notRelevant().label());
            questionnaire.themes().forEach(t -> texts.add(t.title()));
            questionnaire.items().forEach(i -> texts.add(i.text()));
        }
        texts.add(catalog.checklist().title());
        for (ChecklistArea area : catalog.checklist().areas()) {
            texts.add(area.title());
            texts.add(area.checkQuestion());
            texts.addAll(area.reflectionQuestions());
            texts.addAll(area.guideChecklist());
        }
        catalog.teamMeeting().themes().forEach(t -> texts.addAll(t.questions()));
        assertThat(texts).hasSizeGreaterThan(200)
                .allSatisfy(text -> assertThat(text.en()).as(text.da()).isNotBlank());
    }

    @Test
    void checklistKeepsTheSeedsQuestionsAndTheGuidesLists() {
        Checklist checklist = catalog.checklist();
        assertThat(checklist.area(1).orElseThrow().checkQuestion().da()).isEqualTo("Hvordan håndterer vi IT-understøttelsen?");
        assertThat(checklist.area("kommunikation").orElseThrow().reflectionQuestions()).extracting(Text::da)
                .contains("Hvad skal kommunikeres?", "Hvem er afsender og modtager?",
                        "Hvilken kommunikationsform eller -medie?", "Hvornår skal der kommunikeres?");
        assertThat(checklist.areas()).filteredOn(a -> a.guideChecklist().isEmpty()).extracting(ChecklistArea::id)
                .containsExactly("it-understoettelse", "roller-og-ansvar", "faglig-praksis");
        assertThat(checklist.area("faglig-praksis").orElseThrow().reflectionQuestions()).hasSizeBetween(4, 6);
        // Seed 004 has eight check questions; the ninth area is the barometer's own.
        assertThat(checklist.areas()).filteredOn(ChecklistArea::productOwn).extracting(ChecklistArea::id)
                .containsExactly("faglig-praksis");
        assertThat(checklist.areas()).flatExtracting(ChecklistArea::reflectionQuestions).extracting(Text::da)
                .allSatisfy(q -> assertThat(q).doesNotContain("\n", "  "));
    }

    @Test
    void aFolderWithTheSameFilesLoadsTheSameContent(@TempDir Path dir) {
        assertThat(ContentFolder.copyOfShipped(dir).load()).isEqualTo(catalog);
    }

    @Test
    void aFileMissingFromTheFolderIsNamed(@TempDir Path dir) throws Exception {
        ContentFolder.copyOfShipped(dir);
        Files.delete(dir.resolve("forankring-ledelse.json"));
        assertThatThrownBy(() -> ContentLoader.load(dir))
                .isInstanceOf(ContentValidationException.class)
                .hasMessageStartingWith("forankring-ledelse.json: no such file in " + dir);
    }

    @Test
    void aFolderWithoutManifestIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> ContentLoader.load(dir))
                .isInstanceOf(ContentValidationException.class)
                .hasMessageStartingWith("manifest.json: no such file");
    }

    @Test
    void itemsAreStatementsAndIntrosLeaveAnonymityToTheEngine() {
        assertThat(catalog.questionnaires().stream().flatMap(q -> q.items().stream()))
                .extracting(i -> i.text().da())
                .allSatisfy(text -> assertThat(text).endsWith(".").doesNotContain("?"));
        assertThat(catalog.questionnaires()).extracting(q -> q.intro().da() + " " + q.intro().en())
                .allSatisfy(intro -> assertThat(intro.toLowerCase()).doesNotContain("anonym"));
    }
}
