package dk.vum.barometer.web;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.ContentCatalog;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.report.MeasurementData;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ReportBuilder;
import dk.vum.barometer.core.report.ReportInput;
import dk.vum.barometer.core.report.ReportMessages;
import dk.vum.barometer.core.report.chart.Chart;
import dk.vum.barometer.core.report.chart.ReportCharts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dk.vum.barometer.web.ChatServer.ORG;

/**
 * The real summary of a closed round, computed and drawn by the core from the built-in Opstart
 * questionnaires (6 leaders, 12 caseworkers answering in a fixed pattern), for the browser test to show.
 */
final class DemoReport {

    static final String CHART_PATH = "/files/demo-token/maaling-1-temaer.png";
    /** Per theme, in questionnaire order: where leaders and caseworkers stand. */
    private static final int[] LEADERS = {4, 4, 4, 3, 4, 4, 3, 4, 4};
    private static final int[] STAFF = {3, 2, 3, 4, 3, 4, 2, 3, 4};

    final Message summary;
    final byte[] chart;

    DemoReport() {
        ContentCatalog content = ContentLoader.loadDefault();
        Questionnaire leaders = content.questionnaire(Stage.OPSTART, Audience.LEDELSE);
        Questionnaire staff = content.questionnaire(Stage.OPSTART, Audience.SAGSBEHANDLERE);
        List<StoredResponse> responses = new ArrayList<>(answers(ReportGroup.LEDELSE, leaders, 6, LEADERS));
        responses.addAll(answers(ReportGroup.MEDARBEJDERE, staff, 12, STAFF));
        LocalDate day = LocalDate.of(2026, 12, 1);
        Measurement m = new Measurement(ORG, 1, "Team Nord forår", Stage.OPSTART, LocalDate.of(2026, 12, 15), "team-nord",
                null, Map.of(), MeasurementStatus.CLOSED, 0, "u1", day, day, OrgSettings.DEFAULTS);
        Report report = new ReportBuilder(new Random(1)).build(ReportInput.of(new MeasurementData(m,
                Map.of(Audience.LEDELSE, leaders, Audience.SAGSBEHANDLERE, staff), responses, List.of(),
                List.of(new ResponseCounts(ReportGroup.LEDELSE, 7, 6), new ResponseCounts(ReportGroup.MEDARBEJDERE, 14, 12))),
                OrgSettings.DEFAULTS));
        Chart overview = new ReportCharts().overview(report, Language.DA);
        this.chart = overview.png();
        this.summary = new ReportMessages(content.checklist())
                .summary(report, List.of(new Block.Image(CHART_PATH, overview.alt())), Language.DA).get(0);
    }

    /** Person i answers statement k around the theme's level, one up or down; now and then "ved ikke". */
    private static List<StoredResponse> answers(ReportGroup group, Questionnaire q, int people, int[] levels) {
        List<StoredResponse> responses = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Map<String, Integer> answers = new HashMap<>();
            for (Item item : q.items()) {
                int k = q.indexOf(item.id());
                int level = levels[q.themes().indexOf(q.themes().stream().filter(t -> t.id().equals(item.theme())).findFirst().orElseThrow())];
                answers.put(item.id(), (i + k) % 11 == 0 ? 0 : Math.max(1, Math.min(5, level + (i + k) % 3 - 1)));
            }
            responses.add(new StoredResponse(group, "demo", answers));
        }
        return responses;
    }
}
