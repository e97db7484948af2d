package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

import static dk.vum.barometer.core.model.ReportGroup.LEDELSE;
import static dk.vum.barometer.core.model.ReportGroup.MEDARBEJDERE;
import static dk.vum.barometer.core.report.ReportFixtures.TEAM_MEETING;
import static dk.vum.barometer.core.report.ReportFixtures.KOMMUNIKATION;
import static dk.vum.barometer.core.report.ReportFixtures.LEADERS;
import static dk.vum.barometer.core.report.ReportFixtures.OPFOELGNING;
import static dk.vum.barometer.core.report.ReportFixtures.SCALE;
import static dk.vum.barometer.core.report.ReportFixtures.STAFF;
import static dk.vum.barometer.core.report.ReportFixtures.UDDANNELSE;
import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.data;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.measurement;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static dk.vum.barometer.core.report.ReportFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportBuilderTest {

    private static Report build(MeasurementData data) {
        return new ReportBuilder(new Random(1)).build(ReportInput.of(data, OrgSettings.DEFAULTS));
    }

    private static Report build(List<StoredResponse> responses) {
        return build(data(measurement(1, null), responses, List.of()));
    }

    @Test
    void aGroupOfFourIsSuppressedAndExactlyFiveIsShown() {
        assertThat(build(concat(leaders(4), staff(10))).group(LEDELSE)).isEqualTo(new GroupReport.Suppressed(LEDELSE));

        GroupReport five = build(concat(leaders(5), staff(10))).group(LEDELSE);
        assertThat(five).isInstanceOf(GroupReport.Shown.class);
        assertThat(((GroupReport.Shown) five).responses()).isEqualTo(5);
    }

    /**
     * Everything the report and its messages say must be the same whatever the suppressed group
     * answered, how many of it answered and were registered, and what it commented: then no figure
     * (no total, ranking, gap, delta or comment) can give it away.
     */
    @Test
    void nothingInTheReportOrItsMessagesDependsOnASuppressedGroup() {
        List<StoredComment> staffComments = List.of(new StoredComment(MEDARBEJDERE, "kommunikation", "Godt"));
        MeasurementData fourPositive = withCounts(concat(table(LEDELSE, 4, Map.of("L1", new int[]{5}, "L3", new int[]{5})), staff(10)),
                concat(staffComments, List.of(new StoredComment(LEDELSE, "kommunikation", "Ledelsens kommentar"))), 6);
        MeasurementData threeNegative = withCounts(concat(table(LEDELSE, 3, Map.of("L1", new int[]{1}, "L3", new int[]{0})), staff(10)),
                staffComments, 9);
        MeasurementData previous = data(measurement(1, null), concat(leaders(6), staff(10)), List.of());
        ReportMessages messages = new ReportMessages(TEAM_MEETING);

        Report a = new ReportBuilder(new Random(3)).build(new ReportInput(fourPositive, previous, OrgSettings.DEFAULTS));
        Report b = new ReportBuilder(new Random(3)).build(new ReportInput(threeNegative, previous, OrgSettings.DEFAULTS));

        assertThat(a.group(LEDELSE)).isInstanceOf(GroupReport.Suppressed.class);
        assertThat(a.totalResponses()).isEmpty();
        assertThat(a.themeGaps()).isEmpty();
        assertThat(a.itemGaps()).isEmpty();
        assertThat(a).isEqualTo(b);
        for (Language language : Language.values()) {
            assertThat(messages.details(a, language)).isEqualTo(messages.details(b, language));
            assertThat(messages.channelPost(a, List.of(), language)).isEqualTo(messages.channelPost(b, List.of(), language));
        }
        // The comparison can fail: with a minimum of 3 both leader groups are shown and the reports differ.
        OrgSettings three = new OrgSettings(3, 3);
        assertThat(new ReportBuilder(new Random(3)).build(new ReportInput(fourPositive, previous, three)))
                .isNotEqualTo(new ReportBuilder(new Random(3)).build(new ReportInput(threeNegative, previous, three)));
    }

    private static MeasurementData withCounts(List<StoredResponse> responses, List<StoredComment> comments, int registeredLeaders) {
        return new MeasurementData(measurement(2, 1), Map.of(Audience.LEDELSE, LEADERS, Audience.SAGSBEHANDLERE, STAFF),
                responses, comments,
                List.of(new ResponseCounts(LEDELSE, registeredLeaders, 0), new ResponseCounts(MEDARBEJDERE, 12, 10)));
    }

    @Test
    void dontKnowIsExcludedFromTheMeanAndCounted() {
        GroupReport.Shown staff = (GroupReport.Shown) build(table(MEDARBEJDERE, 7, Map.of("S1", new int[]{5, 4, 4, 2, 1, 0, 0})))
                .group(MEDARBEJDERE);

        Score s1 = staff.item("S1").orElseThrow().score().orElseThrow();
        assertThat(s1).isEqualTo(score(5, 4, 4, 2, 1, 0, 0));
        assertThat(List.of(s1.n(), s1.agree(), s1.disagree(), s1.dontKnow())).containsExactly(5, 3, 2, 2);
        assertThat(s1.perValue()).containsExactly(1, 1, 0, 2, 1);
        assertThat(s1.distribution().total()).isEqualTo(7);
        assertThat(s1.mean()).isEqualTo(Fraction.of(16, 5));
        assertThat(s1.agreeShare()).isEqualTo(Fraction.of(3, 5));
        assertThat(s1.disagreeShare()).isEqualTo(Fraction.of(2, 5));
        assertThat(staff.theme("kommunikation").orElseThrow().score()).contains(s1);
    }

    @Test
    void notRelevantIsExcludedFromTheMeanAndCountedApartFromDontKnow() {
        GroupReport.Shown staff = (GroupReport.Shown) build(table(MEDARBEJDERE, 8, Map.of("S1", new int[]{5, 4, 4, 2, 1, 0, -1, -1})))
                .group(MEDARBEJDERE);

        Score s1 = staff.item("S1").orElseThrow().score().orElseThrow();
        assertThat(List.of(s1.n(), s1.dontKnow(), s1.notRelevant())).containsExactly(5, 1, 2);
        assertThat(s1.perValue()).containsExactly(1, 1, 0, 2, 1);
        assertThat(s1.distribution().offScale()).extracting(Distribution.OffScale::count).containsExactly(1, 2);
        assertThat(s1.mean()).isEqualTo(Fraction.of(16, 5));
        assertThat(staff.theme("kommunikation").orElseThrow().score().orElseThrow().notRelevant()).isEqualTo(2);
    }

    /**
     * Measurement 1 pinned older content: S1 and S2 asked identically, S4 reworded under the same id, S3
     * new, and the scale's wording changed. Only identical statements, and themes made only of them, are compared.
     */
    @Test
    void acrossContentVersionsOnlyIdenticalStatementsAreCompared() {
        Scale version1 = new Scale(SCALE.options().stream().map(o -> o.value() == 3
                ? new ScaleOption(3, Text.da("Delvis enig")) : o).toList(), new ScaleOption(Scale.DONT_KNOW, Text.da("Ved ikke / ikke relevant")), null);
        Questionnaire staffBefore = new Questionnaire("s", 1, Stage.OPSTART, Audience.SAGSBEHANDLERE, Text.da("S"), Text.da("I"),
                version1, STAFF.themes(), List.of(STAFF.item("S1").orElseThrow(), STAFF.item("S2").orElseThrow(),
                new Item("S4", "opfoelgning", Text.da("Vi følger op efter en fast rytme"), null)));
        MeasurementData before = new MeasurementData(measurement(1, null), Map.of(Audience.SAGSBEHANDLERE, staffBefore),
                table(MEDARBEJDERE, 10, Map.of("S1", new int[]{3}, "S2", new int[]{3}, "S4", new int[]{3})), List.of(), List.of());
        MeasurementData now = data(measurement(2, 1),
                table(MEDARBEJDERE, 10, Map.of("S1", new int[]{4}, "S2", new int[]{4}, "S3", new int[]{4}, "S4", new int[]{4})), List.of());

        Report report = new ReportBuilder(new Random(1)).build(new ReportInput(now, before, OrgSettings.DEFAULTS));
        GroupReport.Shown staff = (GroupReport.Shown) report.group(MEDARBEJDERE);

        assertThat(staff.item("S1").orElseThrow().meanDelta()).contains(Fraction.of(1, 1));
        assertThat(staff.item("S2").orElseThrow().meanDelta()).contains(Fraction.of(1, 1));
        assertThat(staff.item("S4").orElseThrow().previousMean()).isEmpty();
        assertThat(staff.item("S3").orElseThrow().previousMean()).isEmpty();
        assertThat(staff.theme("kommunikation").orElseThrow().meanDelta()).contains(Fraction.of(1, 1));
        assertThat(staff.theme("uddannelse").orElseThrow().previousMean()).as("S3 is new").isEmpty();
        assertThat(staff.theme("opfoelgning").orElseThrow().previousMean()).as("S4 was reworded").isEmpty();
        // Leaders' four statements have nothing to compare with; staff's S3 and S4 are changed.
        assertThat(report.contentComparison()).isEqualTo(new ContentComparison(2, 6, true));

        String post = new ReportMessages(TEAM_MEETING).channelPost(report, List.of(), Language.DA).stream()
                .map(Message::plainText).reduce("", String::concat);
        assertThat(post).contains("2 udsagn kan sammenlignes med måling 1; ændrede udsagn er udeladt.",
                "Svarskalaens ord er ændret siden måling 1", "Medarbejdere · Kommunikation: 3,0 → 4,0 (+1,0)")
                .doesNotContain("Medarbejdere · Opfølgning:", "Medarbejdere · Uddannelse");
    }

    @Test
    void theSameContentIsComparedWholeAndSaysNothingAboutIt() {
        Report report = new ReportBuilder(new Random(1)).build(new ReportInput(
                data(measurement(2, 1), staff(10), List.of()), data(measurement(1, null), staff(10), List.of()), OrgSettings.DEFAULTS));

        assertThat(report.contentComparison()).isEqualTo(new ContentComparison(8, 0, false));
        assertThat(report.contentComparison().partial()).isFalse();
        assertThat(new ReportMessages(TEAM_MEETING).details(report, Language.DA).stream().map(Message::plainText))
                .noneMatch(text -> text.contains("kan sammenlignes"));
    }

    @Test
    void aStatementWithTooFewAnswersIsSuppressedAndLeftOutOfItsTheme() {
        GroupReport.Shown staff = (GroupReport.Shown) build(table(MEDARBEJDERE, 10, Map.of(
                "S2", new int[]{5, 5, 5, 5, 0, 0, 0, 0, 0, 0}, "S3", new int[]{3, 3, 3, 3, 3, 3, 3, 3, 3, 4})))
                .group(MEDARBEJDERE);

        assertThat(staff.item("S2").orElseThrow().score()).isEmpty();
        ThemeResult uddannelse = staff.theme("uddannelse").orElseThrow();
        assertThat(uddannelse.score()).contains(score(3, 3, 3, 3, 3, 3, 3, 3, 3, 4));
        assertThat(uddannelse.score().orElseThrow().mean()).isEqualTo(Fraction.of(31, 10));
        assertThat(staff.theme("opfoelgning").orElseThrow().score()).isEmpty();
    }

    @Test
    void aStatementWithExactlyTheMinimumOfAnswersIsShown() {
        GroupReport.Shown staff = (GroupReport.Shown) build(table(MEDARBEJDERE, 6, Map.of("S2", new int[]{1, 2, 3, 4, 5, 0})))
                .group(MEDARBEJDERE);

        assertThat(staff.item("S2").orElseThrow().score()).contains(score(1, 2, 3, 4, 5, 0));
    }

    @Test
    void themesAreRankedByTheMeanOfTheShownGroupsThemeMeans() {
        Report report = build(concat(leaders(5), staff(10)));

        // kommunikation: (23/5 + 16/5) / 2 = 39/10, whereas pooling all 15 answers would give 11/3
        assertThat(report.ranking()).containsExactly(
                new ThemeRank(KOMMUNIKATION, Fraction.of(39, 10), List.of(LEDELSE, MEDARBEJDERE)),
                new ThemeRank(UDDANNELSE, Fraction.of(19, 5), List.of(LEDELSE, MEDARBEJDERE)),
                new ThemeRank(OPFOELGNING, Fraction.of(8, 5), List.of(LEDELSE, MEDARBEJDERE)));
        assertThat(report.weakestThemes(2)).extracting(ThemeRank::theme).containsExactly(OPFOELGNING, UDDANNELSE);
        assertThat(report.strongestThemes(2)).extracting(ThemeRank::theme).containsExactly(KOMMUNIKATION);
        // never more than half (rounded up) is "weakest", so a short ranking still has a strongest theme
        assertThat(report.weakestThemes(3)).extracting(ThemeRank::theme).containsExactly(OPFOELGNING, UDDANNELSE);
        assertThat(report.strongestThemes(3)).extracting(ThemeRank::theme).containsExactly(KOMMUNIKATION);
    }

    @Test
    void theRankingLeavesOutASuppressedGroup() {
        Report report = build(concat(leaders(4), staff(10)));

        assertThat(report.ranking()).containsExactly(
                new ThemeRank(UDDANNELSE, Fraction.of(5, 1), List.of(MEDARBEJDERE)),
                new ThemeRank(KOMMUNIKATION, Fraction.of(16, 5), List.of(MEDARBEJDERE)),
                new ThemeRank(OPFOELGNING, Fraction.of(2, 1), List.of(MEDARBEJDERE)));
    }

    @Test
    void leaderStaffGapsOnlyWhenBothGroupsAndBothFiguresAreShown() {
        Report both = build(concat(leaders(5), staff(10)));
        assertThat(both.itemGaps()).containsExactly(
                new ItemGap(LEADERS.item("L1").orElseThrow(), STAFF.item("S1").orElseThrow(), new Gap(Fraction.of(23, 5), Fraction.of(16, 5))),
                new ItemGap(LEADERS.item("L3").orElseThrow(), STAFF.item("S3").orElseThrow(), new Gap(Fraction.of(13, 5), Fraction.of(5, 1))));
        assertThat(both.itemGaps().get(1).gap().difference()).isEqualTo(Fraction.of(-12, 5));
        assertThat(both.themeGaps()).containsExactly(
                new ThemeGap(KOMMUNIKATION, new Gap(Fraction.of(23, 5), Fraction.of(16, 5))),
                new ThemeGap(UDDANNELSE, new Gap(Fraction.of(13, 5), Fraction.of(5, 1))),
                new ThemeGap(OPFOELGNING, new Gap(Fraction.of(6, 5), Fraction.of(2, 1))));

        List<StoredResponse> l1TooFew = table(LEDELSE, 5, Map.of("L1", new int[]{4, 4, 4, 4, 0}, "L3", new int[]{3}));
        assertThat(build(concat(l1TooFew, staff(10))).itemGaps()).extracting(ItemGap::leaderItem)
                .containsExactly(LEADERS.item("L3").orElseThrow());

        Report leadersSuppressed = build(concat(leaders(4), staff(10)));
        assertThat(leadersSuppressed.itemGaps()).isEmpty();
        assertThat(leadersSuppressed.themeGaps()).isEmpty();
    }

    @Test
    void deltasOnlyWhereBothMeasurementsShowTheFigure() {
        List<StoredResponse> before = concat(leaders(4),
                table(MEDARBEJDERE, 10, Map.of("S1", new int[]{3}, "S3", new int[]{4}, "S4", new int[]{2, 2, 2, 2, 0, 0, 0, 0, 0, 0})));
        Report report = new ReportBuilder(new Random(1)).build(new ReportInput(
                data(measurement(2, 1), concat(leaders(5), staff(10)), List.of()),
                data(measurement(1, null), before, List.of()), OrgSettings.DEFAULTS));

        assertThat(report.comparedWith()).isEqualTo(1);
        GroupReport.Shown staff = (GroupReport.Shown) report.group(MEDARBEJDERE);
        assertThat(staff.previousResponses()).isEqualTo(OptionalInt.of(10));
        assertThat(staff.item("S1").orElseThrow().meanDelta()).contains(Fraction.of(1, 5));
        assertThat(staff.item("S3").orElseThrow().previousMean()).contains(Fraction.of(4, 1));
        assertThat(staff.item("S3").orElseThrow().meanDelta()).contains(Fraction.of(1, 1));
        assertThat(staff.item("S4").orElseThrow().previousMean()).isEmpty(); // suppressed before
        assertThat(staff.theme("kommunikation").orElseThrow().meanDelta()).contains(Fraction.of(1, 5));
        assertThat(staff.theme("uddannelse").orElseThrow().meanDelta()).contains(Fraction.of(1, 1));
        assertThat(staff.theme("opfoelgning").orElseThrow().meanDelta()).isEmpty();

        GroupReport.Shown leaders = (GroupReport.Shown) report.group(LEDELSE); // suppressed before
        assertThat(leaders.previousResponses()).isEmpty();
        assertThat(leaders.themes()).allSatisfy(t -> {
            assertThat(t.previousMean()).isEmpty();
            assertThat(t.items()).allSatisfy(i -> assertThat(i.previousMean()).isEmpty());
        });
    }

    @Test
    void aTotalOnlyWhenEveryGroupIsShown() {
        assertThat(build(concat(leaders(5), staff(6))).totalResponses()).isEqualTo(OptionalInt.of(11));
        assertThat(build(concat(leaders(4), staff(6))).totalResponses()).isEmpty();
    }

    @Test
    void theResponseRateUsesTheRegisteredCount() {
        GroupReport.Shown staff = (GroupReport.Shown) build(withCounts(concat(leaders(4), staff(10)), List.of(), 6))
                .group(MEDARBEJDERE);

        assertThat(staff.registered()).isEqualTo(OptionalInt.of(12));
        assertThat(staff.responses()).isEqualTo(10);
    }

    @Test
    void commentsAreHiddenAtNineResponsesAndShownAtTenGroupedByTheme() {
        List<StoredComment> comments = List.of(
                new StoredComment(MEDARBEJDERE, "kommunikation", "k1"),
                new StoredComment(MEDARBEJDERE, "uddannelse", "u1"),
                new StoredComment(MEDARBEJDERE, "kommunikation", " k2 "),
                new StoredComment(MEDARBEJDERE, "ukendt", "x1"),
                new StoredComment(MEDARBEJDERE, null, "x2"),
                new StoredComment(MEDARBEJDERE, "opfoelgning", "  "),
                new StoredComment(LEDELSE, "kommunikation", "ledelse"));

        Report nine = build(data(measurement(1, null), concat(leaders(5), staff(9)), comments));
        assertThat(((GroupReport.Shown) nine.group(MEDARBEJDERE)).comments()).isEqualTo(Comments.WITHHELD);

        Report ten = build(data(measurement(1, null), concat(leaders(5), staff(10)), comments));
        assertThat(((GroupReport.Shown) ten.group(LEDELSE)).comments()).isEqualTo(Comments.WITHHELD);
        Comments shown = ((GroupReport.Shown) ten.group(MEDARBEJDERE)).comments();
        assertThat(shown.shown()).isTrue();
        assertThat(shown.sections()).extracting(CommentSection::theme).containsExactly(KOMMUNIKATION, UDDANNELSE, null);
        assertThat(shown.sections().get(0).comments()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(shown.sections().get(1).comments()).containsExactly("u1");
        assertThat(shown.sections().get(2).comments()).containsExactlyInAnyOrder("x1", "x2");
    }

    @Test
    void commentsAreInRandomOrderThatASeededRandomMakesRepeatable() {
        List<String> texts = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
        MeasurementData data = data(measurement(1, null), staff(10),
                texts.stream().map(t -> new StoredComment(MEDARBEJDERE, "kommunikation", t)).toList());

        List<String> seed42 = staffComments(new ReportBuilder(new Random(42)).build(ReportInput.of(data, OrgSettings.DEFAULTS)));
        List<String> again = staffComments(new ReportBuilder(new Random(42)).build(ReportInput.of(data, OrgSettings.DEFAULTS)));
        List<String> seed43 = staffComments(new ReportBuilder(new Random(43)).build(ReportInput.of(data, OrgSettings.DEFAULTS)));

        assertThat(seed42).containsExactlyInAnyOrderElementsOf(texts).isNotEqualTo(texts).isEqualTo(again).isNotEqualTo(seed43);
    }

    private static List<String> staffComments(Report report) {
        return ((GroupReport.Shown) report.group(MEDARBEJDERE)).comments().sections().get(0).comments();
    }

    @Test
    void refusesAMeasurementThatIsNotClosed() {
        var open = measurement(1, null, MeasurementStatus.OPEN);
        MeasurementData data = data(open, staff(10), List.of());

        assertThatThrownBy(() -> ReportInput.of(data, OrgSettings.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAComparisonWithAnotherMeasurementThanTheOneNamed() {
        MeasurementData current = data(measurement(3, 1), staff(10), List.of());
        MeasurementData other = data(measurement(2, null), staff(10), List.of());

        assertThatThrownBy(() -> new ReportInput(current, other, OrgSettings.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAnswerOffTheScale() {
        assertThatThrownBy(() -> build(table(MEDARBEJDERE, 5, Map.of("S1", new int[]{6}))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactFractionsRoundOnlyForDisplay() {
        assertThat(Fraction.of(16, 5).plus(Fraction.of(23, 5)).dividedBy(2)).isEqualTo(Fraction.of(39, 10));
        assertThat(Fraction.of(1, 3).minus(Fraction.of(1, 2))).isEqualTo(Fraction.of(-1, 6));
        assertThat(Fraction.of(1, 20).round(1)).hasToString("0.1");
        assertThat(Fraction.of(-1, 20).round(1)).hasToString("-0.1");
        assertThat(Fraction.of(2, -4)).isEqualTo(Fraction.of(-1, 2));
    }

    /** A municipality-wide round: nine theme means over thousands of answers each are summed without overflow. */
    @Test
    void fractionsOfLargeRoundsAddUpExactly() {
        Fraction sum = Fraction.ZERO;
        for (int theme = 0; theme < 9; theme++) sum = sum.plus(Fraction.of(3L * (9_001 + theme) + 1, 9_001 + theme));
        Fraction average = sum.dividedBy(9);

        assertThat(average.round(3)).hasToString("3.000");
        assertThat(average.compareTo(Fraction.of(3, 1))).isPositive();
        assertThat(average.minus(Fraction.of(3, 1)).compareTo(Fraction.of(1, 9_000))).isNegative();
    }

    /** The score of these answers (0 = ved ikke), counted as the report counts them. */
    private static Score score(int... answers) {
        int[] counts = new int[Score.VALUES];
        for (int answer : answers) counts[Score.index(answer)]++;
        return Score.ofCounts(counts);
    }
}
