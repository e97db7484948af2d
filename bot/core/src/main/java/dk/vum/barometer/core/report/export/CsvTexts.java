package dk.vum.barometer.core.report.export;

import dk.vum.barometer.content.Text;

/** The CSV's column names; a theme's or a statement's row names its level with the same word. */
final class CsvTexts {

    static final Text GROUP = new Text("gruppe", "group");
    static final Text LEVEL = new Text("niveau", "level");
    static final Text THEME = new Text("tema", "theme");
    static final Text STATEMENT = new Text("udsagn", "statement");
    static final Text N = new Text("svar 1-5", "answers 1-5");
    static final Text MEAN = new Text("gennemsnit", "average");

    private CsvTexts() {
    }
}
