package dk.vum.barometer.core.report.export;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ReportFixtures;
import dk.vum.barometer.core.report.ReportMessages;
import dk.vum.barometer.core.report.chart.ReportCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.round;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the PDF's pages with Debian's poppler-utils ({@code pdftoppm}, {@code pdftotext}, {@code pdffonts};
 * .ci/install-poppler.sh installs them) and reads them as a person would. With {@code -Dbarometer.docs=<dir>}
 * the first page is saved there for the README.
 */
class ReportPdfTest {

    private static final LocalDate PRINTED = LocalDate.of(2025, 6, 3);

    @TempDir
    Path dir;

    private final ReportCharts charts = new ReportCharts();

    private Path pdf(List<Report> series) throws IOException {
        return pdf(series, FollowUp.NONE);
    }

    private Path pdf(List<Report> series, FollowUp followUp) throws IOException {
        Report report = series.get(series.size() - 1);
        byte[] bytes = new ReportPdf().render(report, series, charts.overview(report, Language.DA),
                charts.trends(series, Language.DA), followUp, Language.DA, PRINTED);
        return Files.write(dir.resolve("rapport.pdf"), bytes);
    }

    @Test
    void pagesShowTheChatSummarysNumbersInDanishTypography() throws Exception {
        List<Report> series = List.of(round(1, null, concat(leaders(5), staff(10))), round(2, 1, concat(leaders(5), staff(10))));
        Path pdf = pdf(series);

        List<Path> pages = pages(pdf);
        assertThat(pages).hasSize(3);
        String text = text(pdf);
        String chat = new ReportMessages(ReportFixtures.TEAM_MEETING).summary(series.get(1), List.of(), Language.DA).stream()
                .map(Message::plainText).reduce("", String::concat);
        for (String line : List.of("Kommunikation: 3,9", "Uddannelse og træning: 3,8", "Opfølgning: 1,6",
                "Uddannelse og træning: medarbejderne 2,4 højere (2,6 mod 5,0)", "Kommunikation: ledelsen 1,4 højere (4,6 mod 3,2)")) {
            assertThat(chat).contains(line);
            assertThat(text).contains(line);
        }
        assertThat(text).contains("Implementeringsbarometer: Forår 2", "frist 01.05.2025", "udskrevet 03.06.2025",
                "Udvikling over målingerne", "Måling 1", "Måling 2", "Metode og anonymitet")
                .doesNotContain("Tjekliste og handleplan");
        assertThat(run("pdffonts", pdf.toString())).contains("DejaVuSans").doesNotContain(" no  ");

        String docs = System.getProperty("barometer.docs");
        if (docs != null) Files.copy(pages.get(0), Path.of(docs, "report-pdf-page1.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSuppressedGroupAppearsNowhereInThePdf() throws Exception {
        List<Report> series = List.of(round(1, null, concat(leaders(5), staff(10))), round(2, 1, concat(leaders(4), staff(10))));
        String text = text(pdf(series));

        assertThat(text).contains("Medarbejdere", "For få besvarelser: der vises ingen resultater for gruppen")
                .doesNotContain("4,6").doesNotContain("Ledelsen: udvikling");
    }

    @Test
    void theTeamsChecklistAndActivityPlanAreShownWhereTheyExist() throws Exception {
        List<Report> series = List.of(round(1, null, concat(leaders(5), staff(10))));
        FollowUp followUp = new FollowUp(
                List.of(new FollowUp.Line("1. Ledelsesforankring", "Delvis", LocalDate.of(2025, 5, 20))),
                List.of(new FollowUp.Line("Temadag om dialog", "overskredet", LocalDate.of(2025, 5, 28)),
                        new FollowUp.Line("Sidemandsoplæring", "færdig 02.06.2025", LocalDate.of(2025, 6, 1))));
        String text = text(pdf(series, followUp));

        assertThat(text).contains("Tjekliste og handleplan", "ikke anonym", "1. Ledelsesforankring Delvis 20.05.2025",
                "Temadag om dialog overskredet 28.05.2025", "Sidemandsoplæring færdig 02.06.2025 01.06.2025");
    }

    private List<Path> pages(Path pdf) throws Exception {
        run("pdftoppm", "-png", "-r", "80", pdf.toString(), dir.resolve("side").toString());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("side")).sorted().toList();
        }
    }

    /** The text as pdftotext reads it, with line breaks inside sentences joined. */
    private String text(Path pdf) throws Exception {
        run("pdftotext", "-enc", "UTF-8", pdf.toString(), dir.resolve("rapport.txt").toString());
        return Files.readString(dir.resolve("rapport.txt"), StandardCharsets.UTF_8).replaceAll("[ \\n]+", " ");
    }

    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: run .ci/install-poppler.sh (Debian's poppler-utils)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(command[0] + ": " + out).isZero();
        return out;
    }
}
