package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.report.chart.ReportCharts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dk.vum.barometer.core.report.ReportTexts.format;

/**
 * The sentences of one report in one language, shared by the chat messages, the PDF and the exports, so
 * every rendering words a figure the same way.
 */
public class ReportWords {

    /** How many themes the summary names as going well or needing focus, and how many gaps it lists. */
    public static final int HIGHLIGHTS = 3;

    protected final Report report;
    protected final Language language;
    protected final ReportFormat fmt;

    public ReportWords(Report report, Language language) {
        this.report = report;
        this.language = language;
        this.fmt = new ReportFormat(language);
    }

    public String t(Text text, Object... args) {
        return format(text, language, args);
    }

    public String measurementLine() {
        var m = report.measurement();
        String line = t(ReportTexts.MEASUREMENT_LINE, m.number(), m.stage().label().in(language));
        return report.comparedWith() == null ? line : line + ", " + t(ReportTexts.COMPARED_LINE, report.comparedWith());
    }

    /** "6 responses (6 of 8 responded)", or that the group has too few to be shown. */
    public String responses(GroupReport group) {
        if (!(group instanceof GroupReport.Shown shown)) return t(ReportTexts.TOO_FEW_RESPONSES);
        return shown.registered().isPresent()
                ? t(ReportTexts.RESPONSE_RATE, shown.responses(), shown.responses(), shown.registered().getAsInt())
                : t(ReportTexts.RESPONSES, shown.responses());
    }

    /** One line per theme: both groups' averages side by side, or the one group that is shown. */
    public List<String> themeMeans() {
        List<String> lines = new ArrayList<>();
        List<GroupReport.Shown> shown = report.shownGroups();
        for (Theme theme : ReportCharts.themes(report)) {
            List<String> values = new ArrayList<>();
            for (GroupReport.Shown group : shown) {
                values.add(group.theme(theme.id()).flatMap(ThemeResult::score).map(s -> fmt.mean(s.mean()))
                        .orElse(t(ReportTexts.TOO_FEW_ANSWERS)));
            }
            lines.add(values.size() == 2
                    ? t(ReportTexts.THEME_BOTH, title(theme), values.get(0), values.get(1))
                    : t(ReportTexts.LABELLED, title(theme), t(ReportTexts.WITH_NOTE, values.get(0),
                            t(ReportTexts.group(shown.get(0).group())).toLowerCase(Locale.ROOT))));
        }
        return lines;
    }

    /** "Kommunikation: staff 1,0 higher (3,2 against 4,2)" for the largest meaningful gaps. */
    public List<String> largestGaps() {
        return report.largestThemeGaps(HIGHLIGHTS).stream()
                .map(g -> t(ReportTexts.LABELLED, title(g.theme()), direction(g.gap()))).toList();
    }

    public List<String> goingWell() {
        return rankLines(report.goingWell(HIGHLIGHTS));
    }

    public List<String> needsFocus() {
        return rankLines(report.needsFocus(HIGHLIGHTS));
    }

    public List<String> rankLines(List<ThemeRank> ranks) {
        return ranks.stream().map(rank -> t(ReportTexts.LABELLED, title(rank.theme()), fmt.mean(rank.mean()))).toList();
    }

    /** "management 1,0 higher (4,2 against 3,2)": which side is higher, never a bare signed number. */
    public String direction(Gap gap) {
        return t(ReportTexts.WITH_NOTE, gapDirection(gap), t(ReportTexts.GAP_AGAINST, fmt.mean(gap.leaders()), fmt.mean(gap.staff())));
    }

    public String gapDirection(Gap gap) {
        int sign = gap.difference().round(1).signum();
        if (sign == 0) return t(ReportTexts.SAME);
        return t(sign > 0 ? ReportTexts.LEADERS_HIGHER : ReportTexts.STAFF_HIGHER, fmt.unsigned(gap.difference()));
    }

    public String methodNote() {
        int min = report.settings().minGroupForScores();
        return t(ReportTexts.METHOD_NOTE, min, min);
    }

    /** A statement used as a label ("…: 3,2"): without its full stop, so it never reads "Begreber.: 3,2". */
    public String statement(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    public String title(Theme theme) {
        return theme.title().in(language);
    }

    public ReportFormat fmt() {
        return fmt;
    }
}
