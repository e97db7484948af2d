package dk.vum.barometer.core.report;

import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The anonymised summary of a closed measurement: every figure a chat message or a printed report
 * shows is computed here, exactly, and only rounded when it is formatted.
 *
 * @param comparedWith number of the measurement the deltas are against, or null when there are none
 * @param groups       one per {@link ReportGroup}, in enum order
 * @param ranking      themes best first by {@link ThemeRank#mean()}; ties keep questionnaire order
 * @param themeGaps    leaders vs staff per theme; empty unless both groups are shown
 * @param itemGaps     leaders vs staff per pair of parallel statements; empty unless both groups are shown
 */
public record Report(Measurement measurement, Integer comparedWith, OrgSettings settings,
                     List<GroupReport> groups, List<ThemeRank> ranking,
                     List<ThemeGap> themeGaps, List<ItemGap> itemGaps) {

    /**
     * The least difference the summary calls meaningful: three roundings of the one-decimal figures, so
     * two themes shown as 3,4 and 3,5 are never one "going well" and the other "needing focus".
     */
    public static final Fraction MEANINGFUL = Fraction.of(3, 10);

    public Report {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(settings, "settings");
        groups = List.copyOf(groups);
        ranking = List.copyOf(ranking);
        themeGaps = List.copyOf(themeGaps);
        itemGaps = List.copyOf(itemGaps);
    }

    public GroupReport group(ReportGroup group) {
        return groups.stream().filter(g -> g.group() == group).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no group " + group));
    }

    public List<GroupReport.Shown> shownGroups() {
        return groups.stream().filter(GroupReport.Shown.class::isInstance).map(GroupReport.Shown.class::cast).toList();
    }

    /**
     * Responses over all groups, present only when every group is shown. It is then the sum of
     * figures the report already shows, so it tells nothing new. When a group is suppressed there is
     * no total: the total minus the shown groups would give away the suppressed group's size.
     */
    public OptionalInt totalResponses() {
        if (shownGroups().size() != groups.size()) return OptionalInt.empty();
        return OptionalInt.of(shownGroups().stream().mapToInt(GroupReport.Shown::responses).sum());
    }

    /**
     * Up to {@code count} lowest-ranked themes, weakest first; never more than half of the ranked
     * themes (rounded up), so a short ranking is not all "weakest".
     */
    public List<ThemeRank> weakestThemes(int count) {
        List<ThemeRank> weakest = new ArrayList<>(ranking.subList(ranking.size() - weakestCount(count), ranking.size()));
        Collections.reverse(weakest);
        return List.copyOf(weakest);
    }

    /** Up to {@code count} highest-ranked themes, best first; never one of {@link #weakestThemes(int)}. */
    public List<ThemeRank> strongestThemes(int count) {
        return ranking.subList(0, Math.min(count, ranking.size() - weakestCount(count)));
    }

    /**
     * Up to {@code count} themes at least {@link #MEANINGFUL} above the average of all ranked themes, best
     * first: what "går godt". Themes a rounding apart are not told apart, so a flat profile names none.
     */
    public List<ThemeRank> goingWell(int count) {
        Fraction bar = averageRank().plus(MEANINGFUL);
        return ranking.stream().filter(r -> r.mean().compareTo(bar) >= 0).limit(count).toList();
    }

    /** Up to {@code count} themes at least {@link #MEANINGFUL} below the average of all ranked themes, weakest first. */
    public List<ThemeRank> needsFocus(int count) {
        Fraction bar = averageRank().minus(MEANINGFUL);
        List<ThemeRank> weak = new ArrayList<>(ranking.stream().filter(r -> r.mean().compareTo(bar) <= 0).toList());
        Collections.reverse(weak);
        return weak.stream().limit(count).toList();
    }

    /** Up to {@code count} themes where leaders and staff differ by at least {@link #MEANINGFUL}, largest first. */
    public List<ThemeGap> largestThemeGaps(int count) {
        return themeGaps.stream()
                .filter(g -> g.gap().difference().abs().compareTo(MEANINGFUL) >= 0)
                .sorted(Comparator.comparing((ThemeGap g) -> g.gap().difference().abs()).reversed())
                .limit(count).toList();
    }

    private Fraction averageRank() {
        Fraction sum = ranking.stream().map(ThemeRank::mean).reduce(Fraction.ZERO, Fraction::plus);
        return ranking.isEmpty() ? Fraction.ZERO : sum.dividedBy(ranking.size());
    }

    private int weakestCount(int count) {
        return Math.min(count, (ranking.size() + 1) / 2);
    }
}
