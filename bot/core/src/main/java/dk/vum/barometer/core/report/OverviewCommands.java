package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.store.MeasurementStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The coordinator's overview across teams ("oversigt"): per team, its latest closed measurement's theme
 * means per shown group, where implementation goes well and where it needs extra focus. Each team's
 * figures are that measurement's own summary, minimums applied per team and group; nothing is summed
 * across teams, so no figure can be had by subtracting one team from a total.
 */
public final class OverviewCommands {

    /** How many themes are named as going well and as needing focus. */
    static final int NAMED_THEMES = 2;

    private final MeasurementStore measurements;
    private final ReportCommands reports;

    public OverviewCommands(MeasurementStore measurements, ReportCommands reports) {
        this.measurements = measurements;
        this.reports = reports;
    }

    public List<Message> overview(Caller c) {
        Language lang = c.language();
        List<Measurement> all = measurements.measurements(c.org()); // read once for every team
        TreeSet<String> teams = new TreeSet<>();
        all.stream().map(Measurement::resultsChannel).filter(Objects::nonNull).forEach(teams::add);
        List<Block> blocks = new ArrayList<>(List.of(new Block.Heading(t(lang, "overview.title"))));
        if (teams.isEmpty()) blocks.add(new Block.Paragraph(t(lang, "overview.empty")));
        for (String team : teams) blocks.addAll(team(lang, team, reports.latestClosed(all, team)));
        blocks.add(new Block.Context(t(lang, "overview.note")));
        return List.of(new Message(blocks, null));
    }

    private static List<Block> team(Language lang, String team, Optional<Report> latest) {
        List<Block> blocks = new ArrayList<>();
        if (latest.isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "overview.team.none", "#" + team)));
            return blocks;
        }
        Report report = latest.get();
        Measurement m = report.measurement();
        blocks.add(new Block.Paragraph(t(lang, "overview.team", "#" + team, m.number(), m.name())));
        List<GroupReport.Shown> shown = report.shownGroups();
        if (shown.isEmpty()) {
            blocks.add(new Block.Context(t(lang, "overview.team.too.few", report.settings().minGroupForScores())));
            return blocks;
        }
        ReportFormat format = new ReportFormat(lang);
        for (GroupReport.Shown group : shown) {
            List<Block.Bar> bars = new ArrayList<>();
            for (ThemeResult theme : group.themes()) {
                theme.score().ifPresent(score -> bars.add(new Block.Bar(theme.theme().title().in(lang),
                        score.mean().doubleValue(), 5, format.mean(score.mean()))));
            }
            blocks.add(new Block.Bars(t(lang, "group." + group.group().name()), bars));
        }
        blocks.add(new Block.Paragraph(t(lang, "overview.good", titles(lang, report.strongestThemes(NAMED_THEMES)))));
        blocks.add(new Block.Paragraph(t(lang, "overview.focus", titles(lang, report.weakestThemes(NAMED_THEMES)))));
        return blocks;
    }

    private static String titles(Language lang, List<ThemeRank> ranks) {
        return ranks.isEmpty() ? t(lang, "none") : String.join(", ", ranks.stream().map(r -> r.theme().title().in(lang)).toList());
    }
}
