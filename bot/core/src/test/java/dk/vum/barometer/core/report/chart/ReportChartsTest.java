package dk.vum.barometer.core.report.chart;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.report.Report;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static dk.vum.barometer.core.report.ReportFixtures.report;
import static dk.vum.barometer.core.report.ReportFixtures.round;
import static org.assertj.core.api.Assertions.assertThat;

class ReportChartsTest {

    private final ReportCharts charts = new ReportCharts();

    @Test
    void theOverviewIsAPngWithABarPerShownGroupAndThemeAndAltTextWithTheSameFigures() throws IOException {
        Chart chart = charts.overview(report(concat(leaders(5), staff(10))), Language.DA);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(130 + 26 * 6);
        assertThat(chart.name()).isEqualTo("maaling-1-temaer.png");
        assertThat(chart.alt()).contains(
                "Kommunikation: ledelsen: gennemsnit 4,6, 100 % enige, 0 % uenige, medarbejdere: gennemsnit 3,2, 20 % enige, 0 % uenige.",
                "Opfølgning: ledelsen: gennemsnit 1,2, 0 % enige, 100 % uenige");
    }

    @Test
    void aSuppressedGroupIsInNoChart() throws IOException {
        Report report = report(concat(leaders(4), staff(10)));
        Chart chart = charts.overview(report, Language.DA);

        assertThat(ImageIO.read(new ByteArrayInputStream(chart.png())).getHeight()).isEqualTo(130 + 26 * 3);
        assertThat(chart.alt()).doesNotContain("ledelsen").contains("medarbejdere: gennemsnit 3,2");
        List<Chart> trends = charts.trends(List.of(round(1, null, concat(leaders(5), staff(10))), round(2, 1, concat(leaders(4), staff(10)))), Language.DA);
        assertThat(trends).extracting(Chart::name).containsExactly("maaling-2-udvikling-medarbejdere.png");
    }

    @Test
    void theTrendHasAPointPerRoundWhereTheGroupWasShown() {
        List<Report> series = List.of(round(1, null, concat(leaders(4), staff(10))), round(2, 1, concat(leaders(5), staff(10))),
                round(3, 2, concat(leaders(5), staff(10))));

        List<Chart> trends = charts.trends(series, Language.DA);

        assertThat(trends).extracting(Chart::name).containsExactly("maaling-3-udvikling-ledelse.png", "maaling-3-udvikling-medarbejdere.png");
        assertThat(trends.get(0).alt()).contains("målingerne 1, 2, 3", "Kommunikation: – → 4,6 → 4,6.");
        assertThat(trends.get(1).alt()).contains("Kommunikation: 3,2 → 3,2 → 3,2.");
        assertThat(charts.trends(series.subList(0, 1), Language.DA)).isEmpty();
    }

    /** A summary asked for again draws nothing new; a changed figure, size or language is a new picture. */
    @Test
    void aChartIsDrawnOncePerFiguresAndLanguage() {
        Report report = report(concat(leaders(5), staff(10)));
        byte[] first = charts.overview(report, Language.DA).png();

        assertThat(charts.overview(report(concat(leaders(5), staff(10))), Language.DA).png()).isEqualTo(first);
        assertThat(charts.rendered().size()).isEqualTo(1);
        assertThat(charts.overview(report(concat(leaders(6), staff(10))), Language.DA).png()).isNotEqualTo(first);
        assertThat(charts.overview(report, Language.EN).png()).isNotEqualTo(first);
        assertThat(charts.overview(report(concat(leaders(4), staff(10))), Language.DA).png()).isNotEqualTo(first);
        assertThat(charts.rendered().size()).isEqualTo(4);
    }
}
