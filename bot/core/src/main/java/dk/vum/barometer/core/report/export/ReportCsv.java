package dk.vum.barometer.core.report.export;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.report.Distribution;
import dk.vum.barometer.core.report.GroupReport;
import dk.vum.barometer.core.report.ItemResult;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ReportTexts;
import dk.vum.barometer.core.report.ReportWords;
import dk.vum.barometer.core.report.Score;
import dk.vum.barometer.core.report.ThemeResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's figures for a spreadsheet: one row per shown group and theme, and per shown statement
 * (n, average, the spread of answers). Aggregates only, and only what the report shows: a suppressed
 * group has no row, a suppressed statement none either. UTF-8 with a byte order mark, ";" between
 * fields and a decimal comma, as Danish Excel opens it.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final String NEWLINE = "\r\n";

    public byte[] render(Report report, Language language) {
        ReportWords words = new ReportWords(report, language);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(words.t(CsvTexts.GROUP), words.t(CsvTexts.LEVEL), words.t(CsvTexts.THEME),
                words.t(CsvTexts.STATEMENT), words.t(CsvTexts.N), words.t(CsvTexts.MEAN)));
        for (int value = 1; value <= 5; value++) header.add(String.valueOf(value));
        firstScore(report).ifPresent(s -> s.distribution().offScale().forEach(o -> header.add(o.label().in(language))));
        rows.add(header);
        for (GroupReport.Shown group : report.shownGroups()) {
            String groupName = words.t(ReportTexts.group(group.group()));
            for (ThemeResult theme : group.themes()) {
                theme.score().ifPresent(s -> rows.add(row(words, s, groupName, words.t(CsvTexts.THEME),
                        words.title(theme.theme()), "")));
                for (ItemResult item : theme.items()) {
                    item.score().ifPresent(s -> rows.add(row(words, s, groupName, words.t(CsvTexts.STATEMENT),
                            words.title(theme.theme()), item.item().text().in(language))));
                }
            }
        }
        StringBuilder csv = new StringBuilder(BOM);
        rows.forEach(r -> csv.append(String.join(";", r.stream().map(ReportCsv::quote).toList())).append(NEWLINE));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(ReportWords words, Score s, String group, String level, String theme, String statement) {
        List<String> row = new ArrayList<>(List.of(group, level, theme, statement, String.valueOf(s.n()),
                words.fmt().decimal(s.mean(), 2)));
        Distribution d = s.distribution();
        d.scale().forEach(count -> row.add(String.valueOf(count)));
        d.offScale().forEach(o -> row.add(String.valueOf(o.count())));
        return row;
    }

    private static Optional<Score> firstScore(Report report) {
        return report.shownGroups().stream().flatMap(g -> g.themes().stream()).map(ThemeResult::score)
                .flatMap(Optional::stream).findFirst();
    }

    /** Quotes a field when it holds a separator, a quote or a line break; a leading =, +, - or @ is kept as text. */
    private static String quote(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 && !field.matches("-?[0-9]+(,[0-9]+)?")
                ? "'" + field : field;
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
