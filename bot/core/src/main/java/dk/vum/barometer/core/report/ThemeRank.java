package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.model.ReportGroup;

import java.util.List;

/**
 * A theme's place in the ranking: the mean of the shown groups' theme means (each group weighs the
 * same, whatever its size). Never a pooled figure, and never one that includes a suppressed group.
 *
 * @param groups the groups whose theme means it is the mean of
 */
public record ThemeRank(Theme theme, Fraction mean, List<ReportGroup> groups) {

    public ThemeRank {
        groups = List.copyOf(groups);
    }
}
