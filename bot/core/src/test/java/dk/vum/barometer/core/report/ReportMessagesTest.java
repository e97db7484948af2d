package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dk.vum.barometer.core.model.ReportGroup.LEDELSE;
import static dk.vum.barometer.core.model.ReportGroup.MEDARBEJDERE;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static dk.vum.barometer.core.report.ReportFixtures.TEAM_MEETING;
import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.data;
import static dk.vum.barometer.core.report.ReportFixtures.measurement;
import static dk.vum.barometer.core.report.ReportFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

class ReportMessagesTest {

    private final ReportMessages messages = new ReportMessages(TEAM_MEETING);

    private static Report report(List<StoredResponse> responses, List<StoredComment> comments) {
        return new ReportBuilder(new Random(1)).build(ReportInput.of(data(measurement(1, null), responses, comments), OrgSettings.DEFAULTS));
    }

    private static List<Block> blocks(List<Message> messages) {
        return messages.stream().flatMap(m -> m.blocks().stream()).toList();
    }

    private static String text(List<Message> messages) {
        return messages.stream().map(Message::plainText).collect(Collectors.joining("\n"));
    }

    private static List<String> bullets(List<Message> messages) {
        return blocks(messages).stream().filter(Block.BulletList.class::isInstance)
                .flatMap(b -> ((Block.BulletList) b).items().stream()).toList();
    }

    @Test
    void barsAndStatementsShowRoundedFiguresInTheReadersLanguage() {
        // S1: 13 answers 1-5 with sum 49 (mean 3.769...) of which 8 agree (61.5... %), and 2 "ved ikke"
        Report report = report(table(MEDARBEJDERE, 15, Map.of("S1", new int[]{4, 4, 4, 4, 4, 4, 5, 5, 3, 3, 3, 3, 3, 0, 0})), List.of());

        List<Message> da = messages.details(report, Language.DA);
        Block.Bars bars = blocks(da).stream().filter(Block.Bars.class::isInstance).map(Block.Bars.class::cast).findFirst().orElseThrow();
        assertThat(bars.title()).isEqualTo("Medarbejdere: gennemsnit pr. tema (1-5)");
        assertThat(bars.bars()).containsExactly(
                new Block.Bar("Kommunikation", 49.0 / 13, 5, "3,8 (62 % enige, 13 svar)"),
                new Block.Bar("Uddannelse og træning", 0, 5, "for få svar"),
                new Block.Bar("Opfølgning", 0, 5, "for få svar"));
        assertThat(bullets(da)).contains(
                "Jeg ved hvorfor VUM 2.0 indføres: 3,8 · 62 % enige · 0 % uenige · 13 har svaret 1-5 · 2 ved ikke · 0 ikke relevant",
                "Jeg har fået undervisning i metoden: for få svar");

        List<Message> en = messages.details(report, Language.EN);
        assertThat(text(en)).contains("Communication: 3.8 (62% agree, 13 answers)",
                "I know why VUM 2.0 is introduced: 3.8 · 62% agree · 0% disagree · 13 answered 1-5 · 2 don't know");
    }

    @Test
    void aSuppressedGroupIsOnlyNamedAsHavingTooFewResponses() {
        MeasurementData data = new MeasurementData(measurement(1, null),
                Map.of(Audience.LEDELSE, ReportFixtures.LEADERS, Audience.SAGSBEHANDLERE, ReportFixtures.STAFF),
                concat(leaders(4), staff(10)), List.of(new StoredComment(LEDELSE, "kommunikation", "Ledelsens ord")),
                List.of(new ResponseCounts(LEDELSE, 7, 4), new ResponseCounts(MEDARBEJDERE, 12, 10)));
        Report report = new ReportBuilder(new Random(1)).build(ReportInput.of(data, OrgSettings.DEFAULTS));

        for (List<Message> rendered : List.of(messages.details(report, Language.DA), messages.channelPost(report, List.of(), Language.DA))) {
            Block.Fields overview = blocks(rendered).stream().filter(Block.Fields.class::isInstance).map(Block.Fields.class::cast)
                    .findFirst().orElseThrow();
            assertThat(overview.fields()).containsExactly(
                    new Block.Field("Ledelsen", "For få besvarelser: der vises ingen resultater for gruppen"),
                    new Block.Field("Medarbejdere", "10 besvarelser (10 af 12 har svaret)"));
            assertThat(text(rendered)).doesNotContain("Ledelsen: gennemsnit", "Ledelsens ord", "af 7", "I alt", "ledelsen ");
        }
    }

    @Test
    void theChannelPostEndsWithTeamMeetingQuestionsForTheThemesNeedingFocusAndTheLargestDifferences() {
        Report report = report(concat(leaders(5), staff(10)), List.of());
        ReportWords words = new ReportWords(report, Language.DA);

        List<Block> da = blocks(messages.channelPost(report, List.of(), Language.DA));
        assertThat(da).contains(new Block.Paragraph("Går godt"), new Block.Paragraph("Behov for ekstra fokus"));
        int meeting = da.indexOf(new Block.Heading("Til teammødet"));
        assertThat(meeting).isPositive();
        assertThat(da.subList(meeting + 1, da.size())).containsExactly(
                new Block.Paragraph("Spørgsmål til drøftelsen af de temaer, hvor der er behov for ekstra fokus:"),
                new Block.Paragraph("Opfølgning"),
                new Block.BulletList(List.of("Hvordan følger vi op på implementeringen?", "Hvornår gør vi status næste gang?")),
                new Block.Paragraph("Uddannelse og træning"),
                new Block.BulletList(List.of("Hvordan sikrer vi kompetencerne?", "Hvem mangler træning i metoden?")),
                new Block.Paragraph("Forskellige opfattelser: her ser ledelsen og medarbejderne mest forskelligt på det"),
                new Block.BulletList(report.largestItemGaps(3).stream().map(g -> words.statement(g.leaderItem().text().da())
                        + ": " + words.direction(g.gap())).toList()),
                new Block.Paragraph("Hvad kan forklare forskellene, og hvad betyder de for vores praksis?"));
        assertThat(report.largestItemGaps(3)).isNotEmpty();
        assertThat(text(messages.channelPost(report, List.of(), Language.DA)))
                .doesNotContain("Hvem har brug for at vide hvad?", "Stærkeste", "Svageste", "tjekliste");

        List<Block> en = blocks(messages.channelPost(report, List.of(), Language.EN));
        assertThat(en).contains(new Block.BulletList(List.of("EN Hvordan sikrer vi kompetencerne?", "EN Hvem mangler træning i metoden?")));
    }

    @Test
    void aThemeWithoutTeamMeetingQuestionsGetsNoPromptAndOneGroupHasNoDifferences() {
        var followUp = new Theme("a", Text.da("Opfølgning i teamet"), "opfoelgning");
        var noQuestions = new Theme("c", Text.da("Faglighed"), null);
        var staff = ReportFixtures.questionnaire(Audience.SAGSBEHANDLERE, List.of(noQuestions, followUp), List.of(
                new Item("S1", "a", Text.da("Et"), null), new Item("S3", "c", Text.da("Tre"), null)));
        MeasurementData data = new MeasurementData(measurement(1, null), Map.of(Audience.SAGSBEHANDLERE, staff),
                table(MEDARBEJDERE, 5, Map.of("S1", new int[]{1}, "S3", new int[]{3})), List.of(), List.of());
        Report report = new ReportBuilder(new Random(1)).build(ReportInput.of(data, OrgSettings.DEFAULTS));
        assertThat(report.weakestThemes(2)).extracting(ThemeRank::theme).containsExactly(followUp);

        assertThat(text(messages.channelPost(report, List.of(), Language.DA))).doesNotContain("Til teammødet", "Forskellige opfattelser");
    }

    @Test
    void differencesShowTheirSignAndNeverMinusZero() {
        ReportFormat da = new ReportFormat(Language.DA);
        assertThat(da.signed(Fraction.of(1, 4))).isEqualTo("+0,3");
        assertThat(da.signed(Fraction.of(-1, 4))).isEqualTo("-0,3");
        assertThat(da.signed(Fraction.of(-1, 25))).isEqualTo("0,0");
        assertThat(da.percent(Fraction.of(1, 8))).isEqualTo("13 %");
        assertThat(new ReportFormat(Language.EN).mean(Fraction.of(49, 13))).isEqualTo("3.8");
    }

    @Test
    void changesSinceTheComparedMeasurementAreListed() {
        MeasurementData before = data(measurement(1, null), table(MEDARBEJDERE, 10, Map.of("S1", new int[]{3}, "S4", new int[]{3})), List.of());
        Report report = new ReportBuilder(new Random(1)).build(new ReportInput(
                data(measurement(2, 1), concat(leaders(5), staff(10)), List.of()), before, OrgSettings.DEFAULTS));

        String channel = text(messages.channelPost(report, List.of(), Language.DA));
        assertThat(channel).contains("Udvikling siden måling 1\n• Medarbejdere: 10 → 10 besvarelser\n"
                + "• Medarbejdere · Kommunikation: 3,0 → 3,2 (+0,2)\n• Medarbejdere · Opfølgning: 3,0 → 2,0 (-1,0)\n");
        assertThat(bullets(messages.details(report, Language.DA)))
                .contains("Jeg ved hvorfor VUM 2.0 indføres: 3,2 · 20 % enige · 0 % uenige · 10 har svaret 1-5 · 0 ved ikke · 0 ikke relevant (+0,2 siden måling 1)");
    }

    @Test
    void commentsArePlainTextInTheSummaryAndNeverInTheChannelPost() {
        String tricky = "<@U123> *fed* <https://x.dk|klik> & {\"type\":\"mrkdwn\"}";
        List<StoredComment> comments = List.of(new StoredComment(MEDARBEJDERE, "kommunikation", tricky),
                new StoredComment(MEDARBEJDERE, null, "Generelt godt"));
        Report report = report(concat(leaders(5), staff(10)), comments);

        List<Block> summary = blocks(messages.details(report, Language.DA));
        assertThat(summary).containsSubsequence(new Block.Heading("Kommentarer"),
                new Block.Paragraph("Ledelsen"), new Block.Context("Kommentarer vises kun for grupper med mindst 10 besvarelser."),
                new Block.Paragraph("Medarbejdere"), new Block.Paragraph("Kommunikation"), new Block.BulletList(List.of(tricky)),
                new Block.Paragraph("Øvrige kommentarer"), new Block.BulletList(List.of("Generelt godt")));
        assertThat(text(messages.channelPost(report, List.of(), Language.DA))).doesNotContain("U123", "Generelt godt");
    }

    @Test
    void withNoGroupShownThereAreNoResultsAndNoMeetingPrompts() {
        Report report = report(concat(leaders(4), staff(4)), List.of());

        for (List<Message> rendered : List.of(messages.details(report, Language.DA), messages.channelPost(report, List.of(), Language.DA))) {
            assertThat(blocks(rendered)).contains(new Block.Paragraph("Ingen gruppe har nok besvarelser, så der er ingen resultater at vise."))
                    .noneMatch(b -> b instanceof Block.Bars || b instanceof Block.BulletList);
        }
    }

    @Test
    void realSizeReportsStayWithinPlatformLimitsAndLoseNoComment() {
        Random answers = new Random(5);
        List<StoredResponse> responses = new ArrayList<>();
        responses.addAll(realSize(LEDELSE, RealSizeContent.LEADERS.items(), 12, answers));
        responses.addAll(realSize(MEDARBEJDERE, RealSizeContent.STAFF.items(), 60, answers));
        List<StoredComment> comments = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            comments.add(new StoredComment(i < 12 ? LEDELSE : MEDARBEJDERE, "t" + (i % 9),
                    RealSizeContent.longText("Kommentar " + i + ":", 100 + 9 * i)));
        }
        String veryLong = RealSizeContent.longText("Meget lang kommentar:", 7_000);
        comments.add(new StoredComment(MEDARBEJDERE, "t0", veryLong));
        Map<Audience, Questionnaire> content =
                Map.of(Audience.LEDELSE, RealSizeContent.LEADERS, Audience.SAGSBEHANDLERE, RealSizeContent.STAFF);
        MeasurementData before = new MeasurementData(measurement(1, null), content,
                concat(realSize(LEDELSE, RealSizeContent.LEADERS.items(), 10, answers),
                        realSize(MEDARBEJDERE, RealSizeContent.STAFF.items(), 55, answers)), List.of(), List.of());
        MeasurementData now = new MeasurementData(measurement(2, 1), content, responses, comments,
                List.of(new ResponseCounts(LEDELSE, 14, 12), new ResponseCounts(MEDARBEJDERE, 70, 60)));
        Report report = new ReportBuilder(new Random(1)).build(new ReportInput(now, before, OrgSettings.DEFAULTS));
        ReportMessages real = new ReportMessages(RealSizeContent.TEAM_MEETING);

        for (Language language : Language.values()) {
            List<Message> summary = real.details(report, language);
            List<Message> channel = real.channelPost(report, List.of(), language);
            assertThat(summary).hasSizeGreaterThan(1);
            assertWithinLimits(summary);
            assertWithinLimits(channel);
            assertThat(blocks(channel).get(blocks(channel).size() - 1)).isInstanceOf(Block.Paragraph.class);
            assertThat(bullets(channel)).contains(RealSizeContent.TEAM_MEETING.questions("t0").get(0).in(language));

            List<String> bullets = bullets(summary);
            comments.stream().filter(c -> c.text() != veryLong).forEach(c -> assertThat(bullets).contains(c.text()));
            String joined = bullets.stream().filter(b -> b.startsWith("Meget lang") || b.startsWith("…"))
                    .map(b -> b.replace("…", "")).collect(Collectors.joining(" "));
            assertThat(joined).isEqualTo(veryLong);
        }
    }

    private static void assertWithinLimits(List<Message> messages) {
        for (Message message : messages) {
            assertThat(message.blocks()).hasSizeLessThanOrEqualTo(45);
            assertThat(message.plainText().length()).isLessThanOrEqualTo(MessageLimits.MAX_MESSAGE_TEXT + message.blocks().size());
            for (Block block : message.blocks()) {
                assertThat(block.plainText().length()).isLessThan(2_900 + 1);
                if (block instanceof Block.Heading) assertThat(block.plainText().length()).isLessThanOrEqualTo(150);
                if (block instanceof Block.Fields) assertThat(((Block.Fields) block).fields()).hasSizeLessThanOrEqualTo(10);
            }
        }
    }

    private static List<StoredResponse> realSize(ReportGroup group, List<Item> items, int count, Random random) {
        return IntStream.range(0, count).mapToObj(i -> {
            Map<String, Integer> answers = new HashMap<>();
            items.forEach(item -> answers.put(item.id(), random.nextInt(6)));
            return new StoredResponse(group, "h", answers);
        }).toList();
    }
}
