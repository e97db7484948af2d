package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Theme;

/** Leaders' and staff's theme means for a theme both questionnaires have (matched by theme id). */
public record ThemeGap(Theme theme, Gap gap) {
}
