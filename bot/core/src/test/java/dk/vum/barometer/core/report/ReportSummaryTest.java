package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.StoredResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static dk.vum.barometer.core.model.ReportGroup.MEDARBEJDERE;
import static dk.vum.barometer.core.report.ReportFixtures.CHECKLIST;
import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.data;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.measurement;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static dk.vum.barometer.core.report.ReportFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-screen summary: leaders and staff side by side, meaningful highlights only, details on request. */
class ReportSummaryTest {

    private final ReportMessages messages = new ReportMessages(CHECKLIST);
    private final Block.Image chart = new Block.Image("/files/abc/maaling-1-temaer.png", "Diagram");

    static Report report(List<StoredResponse> responses) {
        return new ReportBuilder(new Random(1)).build(ReportInput.of(data(measurement(1, null), responses, List.of()), OrgSettings.DEFAULTS));
    }

    @Test
    void fitsOneMessageWithTheChartFirstAndBothGroupsSideBySide() {
        List<Message> summary = messages.summary(report(concat(leaders(5), staff(10))), List.of(chart), Language.DA);

        assertThat(summary).hasSize(1);
        List<Block> blocks = summary.get(0).blocks();
        assertThat(blocks.get(0)).isEqualTo(new Block.Heading("Resultater: Forår 1"));
        assertThat(blocks).contains(chart);
        assertThat(blocks.indexOf(chart)).isLessThan(blocks.indexOf(new Block.Paragraph("Gennemsnit pr. tema (1-5)")));
        assertThat(summary.get(0).plainText()).contains(
                "• Kommunikation: ledelsen 4,6 · medarbejdere 3,2",
                "• Uddannelse og træning: ledelsen 2,6 · medarbejdere 5,0",
                "• Opfølgning: ledelsen 1,2 · medarbejdere 2,0");
    }

    @Test
    void saysWhichSideIsHigherLargestDifferenceFirst() {
        String text = messages.summary(report(concat(leaders(5), staff(10))), List.of(), Language.DA).get(0).plainText();

        assertThat(text).contains("Største forskelle mellem ledelse og medarbejdere\n"
                + "• Uddannelse og træning: medarbejderne 2,4 højere (2,6 mod 5,0)\n"
                + "• Kommunikation: ledelsen 1,4 højere (4,6 mod 3,2)\n"
                + "• Opfølgning: medarbejderne 0,8 højere (1,2 mod 2,0)");
        assertThat(text).doesNotContain("forskel -").doesNotContain("forskel +");
        String en = messages.summary(report(concat(leaders(5), staff(10))), List.of(), Language.EN).get(0).plainText();
        assertThat(en).contains("• Education and training: staff 2.4 higher (2.6 against 5.0)");
    }

    @Test
    void namesWhatGoesWellAndWhatNeedsFocusOnlyWhereTheDifferenceIsMeaningful() {
        String text = messages.summary(report(concat(leaders(5), staff(10))), List.of(), Language.DA).get(0).plainText();
        // ranks 3,9 · 3,8 · 1,6 around an average of 3,1: the first two go well, the last needs focus
        assertThat(text).contains("Går godt\n• Kommunikation: 3,9\n• Uddannelse og træning: 3,8",
                "Behov for ekstra fokus\n• Opfølgning: 1,6");

        // 3,0 · 3,0 · 3,2: a rounding or two apart, so no theme is singled out
        Report flat = report(table(MEDARBEJDERE, 10, Map.of("S1", new int[]{3}, "S3", new int[]{3}, "S4", new int[]{3, 3, 3, 4, 4})));
        String flatText = messages.summary(flat, List.of(), Language.DA).get(0).plainText();
        assertThat(flatText).doesNotContain("Går godt").doesNotContain("Behov for ekstra fokus")
                .contains("Ingen temaer skiller sig tydeligt ud")
                .contains("• Opfølgning: 3,4 (medarbejdere)");
    }

    @Test
    void offersTheDetailsAndTheExportsAsButtonsAndCommands() {
        List<Block> blocks = messages.summary(report(concat(leaders(5), staff(10))), List.of(), Language.DA).get(0).blocks();

        assertThat(blocks).contains(new Block.Actions(List.of(
                Block.Button.of("Detaljer", ReportActions.DETAILS, "1"),
                Block.Button.of("PDF til ledelsen", ReportActions.PDF, "1"),
                Block.Button.of("CSV", ReportActions.CSV, "1"))));
        assertThat(Message.of(blocks.toArray(Block[]::new)).plainText()).contains("\"rapport 1 detaljer\"", "\"eksport 1 pdf\"");
    }

    @Test
    void theTotalSaysWhatItAddsUpAndStatementsLoseTheirFullStopAsLabels() {
        Report report = report(concat(leaders(5), staff(10)));
        assertThat(messages.summary(report, List.of(), Language.DA).get(0).plainText()).contains("Begge grupper i alt: 15 besvarelser");
        String details = messages.details(report, Language.DA).stream().map(Message::plainText).reduce("", String::concat);
        assertThat(details).doesNotContain(".:").contains("ledelsen 4,6 · medarbejdere 3,2 · ledelsen 1,4 højere");
    }
}
