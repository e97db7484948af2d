package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Checklist;
import dk.vum.barometer.content.ChecklistArea;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Content of the real size, with long wording: 9 themes and 24 statements per audience (leader
 * statement i parallel to staff statement i), and a checklist of 8 areas with 6 reflection questions each.
 * The ninth theme has no checklist area.
 */
final class RealSizeContent {

    static final String[] TITLES = {"IT-understøttelse", "Implementeringsplan", "Forandringsledelse",
            "Organisering og arbejdsgange", "Roller og ansvar", "Kommunikation", "Uddannelse og træning",
            "Opfølgning", "Faglig praksis med borgerens ressourcer og aktive inddragelse i centrum"};
    static final int[] ITEMS_PER_THEME = {3, 3, 3, 3, 3, 3, 2, 2, 2};

    static final List<Theme> THEMES = IntStream.range(0, TITLES.length).mapToObj(i -> new Theme("t" + i,
            new Text(TITLES[i], "Theme " + TITLES[i]), i < 8 ? "a" + i : null)).toList();
    static final Questionnaire LEADERS = questionnaire(Audience.LEDELSE, "L", "S");
    static final Questionnaire STAFF = questionnaire(Audience.SAGSBEHANDLERE, "S", null);
    static final Checklist CHECKLIST = new Checklist(1, Text.da("Tjekliste til implementering af VUM 2.0"),
            IntStream.range(0, 8).mapToObj(i -> new ChecklistArea("a" + i, i + 1, Text.da(TITLES[i]),
                    Text.da(longText("Har vi en fælles forståelse af " + TITLES[i].toLowerCase() + "?", 160)),
                    IntStream.range(0, 6).mapToObj(q -> new Text(longText("Refleksion " + i + "." + q + ": hvordan arbejder vi med "
                            + TITLES[i].toLowerCase() + " i hverdagen", 170), "Reflection " + i + "." + q)).toList(),
                    List.of(), false)).toList());

    private RealSizeContent() {
    }

    private static Questionnaire questionnaire(Audience audience, String prefix, String parallelPrefix) {
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (int t = 0; t < THEMES.size(); t++) {
            for (int k = 0; k < ITEMS_PER_THEME[t]; k++, n++) {
                items.add(new Item(prefix + n, THEMES.get(t).id(),
                        new Text(longText("Udsagn " + n + " om " + TITLES[t].toLowerCase() + ": vi har en klar og fælles praksis, som alle kender og bruger", 210),
                                longText("Statement " + n + " about " + TITLES[t], 180)),
                        parallelPrefix == null ? null : parallelPrefix + n));
            }
        }
        return ReportFixtures.questionnaire(audience, THEMES, items);
    }

    /** The start, filled up with words to about {@code length} characters. */
    static String longText(String start, int length) {
        StringBuilder sb = new StringBuilder(start);
        while (sb.length() < length) sb.append(" og så videre");
        return sb.toString();
    }
}
