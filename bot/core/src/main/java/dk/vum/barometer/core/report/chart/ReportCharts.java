package dk.vum.barometer.core.report.chart;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.report.Distribution;
import dk.vum.barometer.core.report.GroupReport;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ReportFonts;
import dk.vum.barometer.core.report.ReportFormat;
import dk.vum.barometer.core.report.ReportTexts;
import dk.vum.barometer.core.report.Score;
import dk.vum.barometer.core.report.ThemeResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.report.ReportTexts.format;

/**
 * Draws a report's charts as PNG (JFreeChart) with alt text that says the same in words. Only what the
 * report shows is drawn: a suppressed group or statement is absent from every chart, as from the report.
 */
public final class ReportCharts {

    private static final int WIDTH = 900;
    /** Red to blue rather than red to green: readable for the colour-blind, and in greyscale print. */
    private static final Color[] SCALE_COLOURS = {new Color(0xB2182B), new Color(0xEF8A62), new Color(0xD9D9D9),
            new Color(0x67A9CF), new Color(0x2166AC)};
    private static final Color[] OFF_SCALE_COLOURS = {new Color(0x8C8C8C), new Color(0x5E5E5E), new Color(0x3A3A3A)};
    private static final Color[] LINE_COLOURS = {new Color(0x1B9E77), new Color(0xD95F02), new Color(0x7570B3),
            new Color(0xE7298A), new Color(0x66A61E), new Color(0xE6AB02), new Color(0xA6761D), new Color(0x666666),
            new Color(0x1F78B4), new Color(0xB15928)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final RenderedCharts rendered = new RenderedCharts();

    /** Every theme's spread of answers, leaders' and staff's bars side by side, each labelled with its average. */
    public Chart overview(Report report, Language language) {
        ReportFormat fmt = new ReportFormat(language);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> alt = new ArrayList<>();
        for (Theme theme : themes(report)) {
            List<String> groups = new ArrayList<>();
            for (GroupReport.Shown group : report.shownGroups()) {
                Optional<Score> score = group.theme(theme.id()).flatMap(ThemeResult::score);
                if (score.isEmpty()) continue;
                Score s = score.get();
                String groupName = format(ReportTexts.group(group.group()), language);
                String category = theme.title().in(language) + " · " + groupName.toLowerCase(Locale.ROOT) + " " + fmt.mean(s.mean());
                Distribution d = s.distribution();
                for (int i = 0; i < d.scale().size(); i++) data.addValue(d.scale().get(i), scaleLabel(i + 1, language), category);
                for (Distribution.OffScale off : d.offScale()) data.addValue(off.count(), off.label().in(language), category);
                groups.add(format(ReportTexts.ALT_GROUP, language, groupName.toLowerCase(Locale.ROOT), fmt.mean(s.mean()),
                        fmt.percent(s.agreeShare()), fmt.percent(s.disagreeShare())));
            }
            if (!groups.isEmpty()) alt.add(theme.title().in(language) + ": " + String.join(", ", groups) + ".");
        }
        String title = format(ReportTexts.OVERVIEW_CHART, language);
        int height = 130 + 26 * data.getColumnCount();
        // drawn only when these figures have not been drawn before: most of a summary's time
        byte[] png = rendered.png(RenderedCharts.key("overview", language, height, title, data),
                () -> png(overviewChart(title, data, language), height));
        return new Chart("maaling-" + report.measurement().number() + "-temaer.png", png,
                format(ReportTexts.OVERVIEW_ALT, language, String.join(" ", alt)));
    }

    private static JFreeChart overviewChart(String title, DefaultCategoryDataset data, Language language) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, null,
                data, PlotOrientation.HORIZONTAL, true, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setRenderAsPercentages(true);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, i < SCALE_COLOURS.length ? SCALE_COLOURS[i]
                    : OFF_SCALE_COLOURS[(i - SCALE_COLOURS.length) % OFF_SCALE_COLOURS.length]);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(NumberFormat.getPercentInstance(locale(language)));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The development of each theme's average across the rounds of a series, one chart per group shown in
     * the latest round; none when the series has one round. A round where a group or theme was not shown
     * has no point for it.
     *
     * @param series the reports of the series' closed rounds, oldest first, all built with the same minimums
     */
    public List<Chart> trends(List<Report> series, Language language) {
        if (series.size() < 2) return List.of();
        ReportFormat fmt = new ReportFormat(language);
        Report latest = series.get(series.size() - 1);
        List<Chart> charts = new ArrayList<>();
        for (GroupReport.Shown current : latest.shownGroups()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            Map<String, List<String>> alt = new LinkedHashMap<>();
            for (Theme theme : themes(latest)) {
                String title = theme.title().in(language);
                for (Report round : series) {
                    String column = format(ReportTexts.ROUND_LABEL, language, round.measurement().number());
                    Optional<Score> score = shownScore(round, current.group(), theme.id());
                    data.addValue(score.map(s -> (Number) s.mean().doubleValue()).orElse(null), title, column);
                    alt.computeIfAbsent(title, k -> new ArrayList<>()).add(score.map(s -> fmt.mean(s.mean())).orElse("–"));
                }
            }
            String groupName = format(ReportTexts.group(current.group()), language);
            String chartTitle = format(ReportTexts.TREND_CHART, language, groupName);
            List<String> words = new ArrayList<>();
            alt.forEach((title, values) -> words.add(title + ": " + String.join(" → ", values) + "."));
            String numbers = String.join(", ", series.stream().map(r -> String.valueOf(r.measurement().number())).toList());
            charts.add(new Chart("maaling-" + latest.measurement().number() + "-udvikling-"
                    + current.group().name().toLowerCase(Locale.ROOT) + ".png",
                    rendered.png(RenderedCharts.key("trend", language, chartTitle, data),
                            () -> png(trendChart(chartTitle, data, language), 460)),
                    format(ReportTexts.TREND_ALT, language, groupName.toLowerCase(Locale.ROOT), numbers, String.join(" ", words))));
        }
        return charts;
    }

    private static JFreeChart trendChart(String title, DefaultCategoryDataset data, Language language) {
        JFreeChart chart = ChartFactory.createLineChart(title, null, null,
                data, PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, LINE_COLOURS[i % LINE_COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(1, 5);
        range.setNumberFormatOverride(NumberFormat.getNumberInstance(locale(language)));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return chart;
    }

    /** The pictures kept, for tests. */
    RenderedCharts rendered() {
        return rendered;
    }

    /** A group's theme score in a round, only when the round shows it. */
    private static Optional<Score> shownScore(Report round, ReportGroup group, String themeId) {
        return round.shownGroups().stream().filter(g -> g.group() == group).findFirst()
                .flatMap(g -> g.theme(themeId)).flatMap(ThemeResult::score);
    }

    /** The themes of the shown groups in questionnaire order, each once. */
    public static List<Theme> themes(Report report) {
        Map<String, Theme> themes = new LinkedHashMap<>();
        report.shownGroups().forEach(g -> g.themes().forEach(t -> themes.putIfAbsent(t.theme().id(), t.theme())));
        return List.copyOf(themes.values());
    }

    private static String scaleLabel(int value, Language language) {
        if (value == 1) return format(ReportTexts.SCALE_LOW, language);
        if (value == 5) return format(ReportTexts.SCALE_HIGH, language);
        return String.valueOf(value);
    }

    private static Locale locale(Language language) {
        return language == Language.DA ? Locale.forLanguageTag("da-DK") : Locale.UK;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("barometer");
        theme.setExtraLargeFont(ReportFonts.font(true, 18f));
        theme.setLargeFont(ReportFonts.font(true, 14f));
        theme.setRegularFont(ReportFonts.font(false, 13f));
        theme.setSmallFont(ReportFonts.font(false, 11f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static byte[] png(JFreeChart chart, int height) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
