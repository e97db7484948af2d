package dk.vum.barometer.core.report.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.report.CommentSection;
import dk.vum.barometer.core.report.GroupReport;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ReportFonts;
import dk.vum.barometer.core.report.ReportFormat;
import dk.vum.barometer.core.report.ReportTexts;
import dk.vum.barometer.core.report.ReportWords;
import dk.vum.barometer.core.report.Score;
import dk.vum.barometer.core.report.ThemeGap;
import dk.vum.barometer.core.report.ThemeResult;
import dk.vum.barometer.core.report.chart.Chart;
import dk.vum.barometer.core.report.chart.ReportCharts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The report for top management as a PDF, rendered from the same {@link Report} as the chat: the summary,
 * the theme overview chart, leaders and staff side by side, the development across the series' rounds,
 * the comments where the group is large enough, and a note on method and anonymity. The font is embedded
 * (æ, ø and å on any reader), figures have a decimal comma and dates read 15.12.2026.
 */
public final class ReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private final BaseFont regular = font(false);
    private final BaseFont bold = font(true);

    /**
     * @param series   the reports of the series' closed rounds, oldest first, ending with {@code report}
     * @param overview the theme overview chart of {@code report}
     * @param trends   the development charts (none for a single round)
     * @param followUp the team's checklist answers and activity plan, {@link FollowUp#NONE} when it has none
     */
    public byte[] render(Report report, List<Report> series, Chart overview, List<Chart> trends, FollowUp followUp,
                         Language language, LocalDate printedOn) {
        ReportWords words = new ReportWords(report, language);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(words.t(ReportTexts.CHANNEL_TITLE, report.measurement().name()));
            doc.open();
            summary(doc, report, words, printedOn, overview);
            if (!report.shownGroups().isEmpty()) {
                doc.newPage();
                groups(doc, report, words);
                trend(doc, series, trends, words);
                comments(doc, report, words);
            }
            followUp(doc, followUp, words);
            heading(doc, words.t(PdfTexts.METHOD));
            doc.add(paragraph(words.methodNote(), 9));
            doc.add(paragraph(words.t(PdfTexts.ANONYMITY, report.settings().minGroupForScores(),
                    report.settings().minGroupForComments()), 9));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be made", e);
        }
        return out.toByteArray();
    }

    private void summary(Document doc, Report report, ReportWords words, LocalDate printedOn, Chart overview) {
        var m = report.measurement();
        doc.add(new Paragraph(words.t(ReportTexts.CHANNEL_TITLE, m.name()), new Font(bold, 18)));
        doc.add(paragraph(words.measurementLine() + " · " + words.t(PdfTexts.DEADLINE, ReportFormat.date(m.deadline()))
                + " · " + words.t(PdfTexts.PRINTED, ReportFormat.date(printedOn)), 10));
        PdfPTable responses = table(2, new float[]{1, 2});
        for (GroupReport group : report.groups()) {
            responses.addCell(cell(words.t(ReportTexts.group(group.group())), true));
            responses.addCell(cell(words.responses(group), false));
        }
        report.totalResponses().ifPresent(total -> {
            responses.addCell(cell(words.t(ReportTexts.TOTAL), true));
            responses.addCell(cell(words.t(ReportTexts.RESPONSES, total), false));
        });
        doc.add(responses);
        if (report.shownGroups().isEmpty()) {
            doc.add(paragraph(words.t(ReportTexts.NO_RESULTS), 11));
            return;
        }
        heading(doc, words.t(PdfTexts.SUMMARY));
        list(doc, words.t(ReportTexts.GOING_WELL), words.goingWell());
        list(doc, words.t(ReportTexts.NEEDS_FOCUS), words.needsFocus());
        if (words.goingWell().isEmpty() && words.needsFocus().isEmpty()) doc.add(paragraph(words.t(ReportTexts.NOTHING_STANDS_OUT), 10));
        if (!report.themeGaps().isEmpty()) {
            list(doc, words.t(ReportTexts.LARGEST_GAPS), words.largestGaps());
            if (words.largestGaps().isEmpty()) doc.add(paragraph(words.t(ReportTexts.NO_LARGE_GAPS), 10));
        }
        image(doc, overview);
    }

    /** Leaders and staff per theme, side by side, with which side is higher. */
    private void groups(Document doc, Report report, ReportWords words) {
        heading(doc, words.t(ReportTexts.GAPS));
        List<GroupReport.Shown> shown = report.shownGroups();
        PdfPTable table = table(shown.size() + 2, null);
        table.addCell(cell(words.t(ReportTexts.THEME_MEANS), true));
        shown.forEach(g -> table.addCell(cell(words.t(ReportTexts.group(g.group())), true)));
        table.addCell(cell(words.t(PdfTexts.AGREE_SHARE), true));
        for (Theme theme : ReportCharts.themes(report)) {
            table.addCell(cell(words.title(theme), false));
            String agree = "";
            for (GroupReport.Shown group : shown) {
                Optional<Score> score = group.theme(theme.id()).flatMap(ThemeResult::score);
                table.addCell(cell(score.map(s -> words.fmt().mean(s.mean())).orElse(words.t(ReportTexts.TOO_FEW_ANSWERS)), false));
                agree += (agree.isEmpty() ? "" : " · ") + score.map(s -> words.fmt().percent(s.agreeShare())).orElse("–");
            }
            table.addCell(cell(agree, false));
        }
        doc.add(table);
        if (!report.themeGaps().isEmpty()) {
            PdfPTable gaps = table(2, new float[]{1, 2});
            for (ThemeGap gap : report.themeGaps()) {
                gaps.addCell(cell(words.title(gap.theme()), false));
                gaps.addCell(cell(words.direction(gap.gap()), false));
            }
            doc.add(gaps);
        }
    }

    /** The development across the series: the charts, and the figures in a table per group. */
    private void trend(Document doc, List<Report> series, List<Chart> trends, ReportWords words) {
        if (series.size() < 2) return;
        heading(doc, words.t(ReportTexts.TREND));
        trends.forEach(chart -> image(doc, chart));
        Report latest = series.get(series.size() - 1);
        for (GroupReport.Shown group : latest.shownGroups()) {
            doc.add(paragraph(words.t(ReportTexts.group(group.group())), 11));
            PdfPTable table = table(series.size() + 1, null);
            table.addCell(cell("", true));
            series.forEach(r -> table.addCell(cell(words.t(ReportTexts.ROUND_LABEL, r.measurement().number())
                    + "\n" + ReportFormat.date(r.measurement().deadline()), true)));
            for (Theme theme : ReportCharts.themes(latest)) {
                table.addCell(cell(words.title(theme), false));
                for (Report round : series) {
                    table.addCell(cell(round.shownGroups().stream().filter(g -> g.group() == group.group()).findFirst()
                            .flatMap(g -> g.theme(theme.id())).flatMap(ThemeResult::score)
                            .map(s -> words.fmt().mean(s.mean())).orElse("–"), false));
                }
            }
            doc.add(table);
        }
    }

    /** Comments, only for groups large enough that they are shown at all. */
    private void comments(Document doc, Report report, ReportWords words) {
        heading(doc, words.t(ReportTexts.COMMENTS));
        doc.add(paragraph(words.t(ReportTexts.COMMENTS_NOTE), 9));
        for (GroupReport.Shown group : report.shownGroups()) {
            doc.add(paragraph(words.t(ReportTexts.group(group.group())), 11));
            if (!group.comments().shown()) {
                doc.add(paragraph(words.t(ReportTexts.COMMENTS_WITHHELD, report.settings().minGroupForComments()), 9));
                continue;
            }
            if (group.comments().sections().isEmpty()) doc.add(paragraph(words.t(ReportTexts.NO_COMMENTS), 9));
            for (CommentSection section : group.comments().sections()) {
                list(doc, section.theme() == null ? words.t(ReportTexts.OTHER_COMMENTS) : words.title(section.theme()),
                        section.comments());
            }
        }
    }

    /** The checklist and activity plan status, only where the team has one. */
    private void followUp(Document doc, FollowUp followUp, ReportWords words) {
        if (followUp.isEmpty()) return;
        heading(doc, words.t(PdfTexts.FOLLOW_UP));
        if (!followUp.checklist().isEmpty()) {
            doc.add(paragraph(words.t(PdfTexts.CHECKLIST), 10));
            lines(doc, followUp.checklist(), words.t(PdfTexts.AREA), words.t(PdfTexts.ANSWER), words.t(PdfTexts.ANSWERED));
        }
        if (!followUp.activities().isEmpty()) {
            doc.add(paragraph(words.t(PdfTexts.PLAN), 10));
            lines(doc, followUp.activities(), words.t(PdfTexts.ACTIVITY), words.t(PdfTexts.STATUS), words.t(PdfTexts.DUE));
        }
    }

    private void lines(Document doc, List<FollowUp.Line> lines, String... headers) {
        PdfPTable table = table(3, new float[]{3, 2, 1});
        for (String header : headers) table.addCell(cell(header, true));
        for (FollowUp.Line line : lines) {
            table.addCell(cell(line.what(), false));
            table.addCell(cell(line.status(), false));
            table.addCell(cell(ReportFormat.date(line.date()), false));
        }
        doc.add(table);
    }

    private void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, new Font(bold, 13));
        p.setSpacingBefore(14);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private void list(Document doc, String title, List<String> lines) {
        if (lines.isEmpty()) return;
        doc.add(new Paragraph(title, new Font(bold, 10)));
        com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
        list.setListSymbol(new Chunk("•", new Font(regular, 10)));
        lines.forEach(line -> list.add(new com.lowagie.text.ListItem(line, new Font(regular, 10))));
        doc.add(list);
    }

    private Paragraph paragraph(String text, float size) {
        Paragraph p = new Paragraph(text, new Font(regular, size));
        p.setSpacingAfter(4);
        return p;
    }

    private void image(Document doc, Chart chart) {
        try {
            Image image = Image.getInstance(chart.png());
            image.scaleToFit(PageSize.A4.getWidth() - 100, PageSize.A4.getHeight() - 160);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setAlt(chart.alt());
            doc.add(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPTable table(int columns, float[] widths) {
        PdfPTable table = widths == null ? new PdfPTable(columns) : new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        return table;
    }

    private PdfPCell cell(String text, boolean header) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(header ? bold : regular, 9)));
        cell.setPadding(4);
        if (header) cell.setGrayFill(0.92f);
        return cell;
    }

    private static BaseFont font(boolean bold) {
        try {
            return BaseFont.createFont(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, ReportFonts.bytes(bold), null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("the report font could not be loaded", e);
        }
    }
}
