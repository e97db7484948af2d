package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.model.ReportGroup;

import java.util.Locale;

/** Every word the report's messages use, Danish first and English second. Placeholders are {@code %s}/{@code %d}. */
final class ReportTexts {

    static final Text SUMMARY_TITLE = new Text("Resultater: %s", "Results: %s");
    static final Text CHANNEL_TITLE = new Text("Implementeringsbarometer: %s", "Implementation barometer: %s");
    static final Text MEASUREMENT_LINE = new Text("Måling %d · %s", "Measurement %d · %s");
    static final Text COMPARED_LINE = new Text("sammenlignet med måling %d", "compared with measurement %d");

    static final Text LEADERS = new Text("Ledelsen", "Management");
    static final Text STAFF = new Text("Medarbejdere", "Staff");
    static final Text TOTAL = new Text("I alt", "Total");
    static final Text RESPONSES = new Text("%d besvarelser", "%d responses");
    static final Text RESPONSE_RATE = new Text("%d besvarelser (%d af %d har svaret)", "%d responses (%d of %d responded)");
    static final Text TOO_FEW_RESPONSES = new Text(
            "For få besvarelser: der vises ingen resultater for gruppen",
            "Too few responses: no results are shown for this group");
    static final Text NO_RESULTS = new Text(
            "Ingen gruppe har nok besvarelser, så der er ingen resultater at vise.",
            "No group has enough responses, so there are no results to show.");

    static final Text THEME_BARS = new Text("%s: gennemsnit pr. tema (1-5)", "%s: average per theme (1-5)");
    static final Text BAR_VALUE = new Text("%s (%s enige, n=%d)", "%s (%s agree, n=%d)");
    static final Text ITEM_VALUE = new Text("%s: %s · %s enige · %s uenige · n=%d · ved ikke %d · ikke relevant %d",
            "%s: %s · %s agree · %s disagree · n=%d · don't know %d · not relevant %d");
    static final Text SINCE = new Text("%s siden måling %d", "%s since measurement %d");
    static final Text TOO_FEW_ANSWERS = new Text("for få svar", "too few answers");
    static final Text LABELLED = new Text("%s: %s", "%s: %s");
    static final Text WITH_NOTE = new Text("%s (%s)", "%s (%s)");

    static final Text STRONGEST = new Text("Det går godt", "Going well");
    static final Text WEAKEST = new Text("Behov for ekstra fokus", "Extra focus needed");

    static final Text GAPS = new Text("Ledelse og medarbejdere", "Management and staff");
    static final Text THEME_GAPS = new Text("Gennemsnit pr. tema", "Average per theme");
    static final Text ITEM_GAPS = new Text("Største forskelle på parallelle udsagn", "Largest differences on parallel statements");
    static final Text GAP_LINE = new Text("%s: ledelsen %s · medarbejdere %s · forskel %s",
            "%s: management %s · staff %s · difference %s");

    static final Text CHANGES = new Text("Udvikling siden måling %d", "Change since measurement %d");
    static final Text CHANGE_LINE = new Text("%s · %s: %s → %s (%s)", "%s · %s: %s → %s (%s)");
    static final Text RESPONSES_CHANGE = new Text("%s: %d → %d besvarelser", "%s: %d → %d responses");
    static final Text COMPARABLE_ITEMS = new Text(
            "%d udsagn kan sammenlignes med måling %d; ændrede udsagn er udeladt.",
            "%d statements can be compared with measurement %d; changed statements are left out.");
    static final Text SCALE_CHANGED = new Text(
            "Svarskalaens ord er ændret siden måling %d, så sammenlign gennemsnit med forsigtighed.",
            "The wording of the answer scale has changed since measurement %d, so compare averages with care.");
    static final Text NO_CHANGES = new Text(
            "Ingen tal kan sammenlignes: de skal kunne vises i begge målinger.",
            "No figures can be compared: they must be shown in both measurements.");

    static final Text COMMENTS = new Text("Kommentarer", "Comments");
    static final Text COMMENTS_NOTE = new Text(
            "Kommentarerne står i tilfældig rækkefølge og kan ikke føres tilbage til nogen.",
            "Comments are in random order and cannot be traced to anyone.");
    static final Text COMMENTS_WITHHELD = new Text(
            "Kommentarer vises kun for grupper med mindst %d besvarelser.",
            "Comments are only shown for groups with at least %d responses.");
    static final Text NO_COMMENTS = new Text("Ingen kommentarer.", "No comments.");
    static final Text OTHER_COMMENTS = new Text("Øvrige kommentarer", "Other comments");

    static final Text MEETING = new Text("Til teammødet", "For the team meeting");
    static final Text MEETING_INTRO = new Text(
            "Spørgsmål til drøftelsen af de temaer, hvor der er behov for ekstra fokus:",
            "Questions for discussing the themes where extra focus is needed:");
    static final Text MEETING_DIFFERENCES = new Text(
            "Forskellige opfattelser: her ser ledelsen og medarbejderne mest forskelligt på det",
            "Different perceptions: where management and staff see things most differently");
    static final Text MEETING_DIFFERENCES_QUESTION = new Text(
            "Hvad kan forklare forskellene, og hvad betyder de for vores praksis?",
            "What could explain the differences, and what do they mean for our practice?");

    static final Text METHOD_NOTE = new Text(
            "Gennemsnit på skalaen 1-5 (1 = helt uenig, 5 = helt enig). Enige = 4-5, uenige = 1-2. "
                    + "n = antal svar 1-5; \"ved ikke\" og \"ikke relevant\" tæller ikke med. Grupper med under %d besvarelser "
                    + "og udsagn med under %d svar 1-5 vises ikke.",
            "Averages on the 1-5 scale (1 = strongly disagree, 5 = strongly agree). Agree = 4-5, disagree = 1-2. "
                    + "n = number of answers 1-5; \"don't know\" and \"not relevant\" do not count. Groups with fewer than %d responses "
                    + "and statements with fewer than %d answers 1-5 are not shown.");

    private ReportTexts() {
    }

    static Text group(ReportGroup group) {
        return group == ReportGroup.LEDELSE ? LEADERS : STAFF;
    }

    /** The text in the language with its placeholders filled in. */
    static String format(Text text, Language language, Object... args) {
        return String.format(Locale.ROOT, text.in(language), args);
    }
}
