package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.model.ReportGroup;

import java.util.Locale;

/** Every word the report's messages use, Danish first and English second. Placeholders are {@code %s}/{@code %d}. */
public final class ReportTexts {

    public static final Text SUMMARY_TITLE = new Text("Resultater: %s", "Results: %s");
    public static final Text CHANNEL_TITLE = new Text("Implementeringsbarometer: %s", "Implementation barometer: %s");
    public static final Text MEASUREMENT_LINE = new Text("Måling %d · %s", "Measurement %d · %s");
    public static final Text COMPARED_LINE = new Text("sammenlignet med måling %d", "compared with measurement %d");

    public static final Text LEADERS = new Text("Ledelsen", "Management");
    public static final Text STAFF = new Text("Medarbejdere", "Staff");
    public static final Text TOTAL = new Text("Begge grupper i alt", "Both groups together");
    public static final Text RESPONSES = new Text("%d besvarelser", "%d responses");
    public static final Text RESPONSE_RATE = new Text("%d besvarelser (%d af %d har svaret)", "%d responses (%d of %d responded)");
    public static final Text TOO_FEW_RESPONSES = new Text(
            "For få besvarelser: der vises ingen resultater for gruppen",
            "Too few responses: no results are shown for this group");
    public static final Text NO_RESULTS = new Text(
            "Ingen gruppe har nok besvarelser, så der er ingen resultater at vise.",
            "No group has enough responses, so there are no results to show.");

    public static final Text THEME_BARS = new Text("%s: gennemsnit pr. tema (1-5)", "%s: average per theme (1-5)");
    public static final Text BAR_VALUE = new Text("%s (%s enige, %d svar)", "%s (%s agree, %d answers)");
    public static final Text ITEM_VALUE = new Text("%s: %s · %s enige · %s uenige · %d har svaret 1-5 · %d ved ikke",
            "%s: %s · %s agree · %s disagree · %d answered 1-5 · %d don't know");
    public static final Text SINCE = new Text("%s siden måling %d", "%s since measurement %d");
    public static final Text TOO_FEW_ANSWERS = new Text("for få svar", "too few answers");
    public static final Text LABELLED = new Text("%s: %s", "%s: %s");
    public static final Text WITH_NOTE = new Text("%s (%s)", "%s (%s)");

    public static final Text STRONGEST = new Text("Stærkeste temaer", "Strongest themes");
    public static final Text WEAKEST = new Text("Svageste temaer", "Weakest themes");

    public static final Text GAPS = new Text("Ledelse og medarbejdere", "Management and staff");
    public static final Text THEME_GAPS = new Text("Gennemsnit pr. tema", "Average per theme");
    public static final Text ITEM_GAPS = new Text("Største forskelle på parallelle udsagn", "Largest differences on parallel statements");
    public static final Text GAP_LINE = new Text("%s: ledelsen %s · medarbejdere %s · %s",
            "%s: management %s · staff %s · %s");
    public static final Text LEADERS_HIGHER = new Text("ledelsen %s højere", "management %s higher");
    public static final Text STAFF_HIGHER = new Text("medarbejderne %s højere", "staff %s higher");
    public static final Text SAME = new Text("ens", "the same");
    public static final Text GAP_AGAINST = new Text("%s mod %s", "%s against %s");

    public static final Text CHANGES = new Text("Udvikling siden måling %d", "Change since measurement %d");
    public static final Text CHANGE_LINE = new Text("%s · %s: %s → %s (%s)", "%s · %s: %s → %s (%s)");
    public static final Text RESPONSES_CHANGE = new Text("%s: %d → %d besvarelser", "%s: %d → %d responses");
    public static final Text NO_CHANGES = new Text(
            "Ingen tal kan sammenlignes: de skal kunne vises i begge målinger.",
            "No figures can be compared: they must be shown in both measurements.");

    public static final Text COMMENTS = new Text("Kommentarer", "Comments");
    public static final Text COMMENTS_NOTE = new Text(
            "Kommentarerne står i tilfældig rækkefølge og kan ikke føres tilbage til nogen.",
            "Comments are in random order and cannot be traced to anyone.");
    public static final Text COMMENTS_WITHHELD = new Text(
            "Kommentarer vises kun for grupper med mindst %d besvarelser.",
            "Comments are only shown for groups with at least %d responses.");
    public static final Text NO_COMMENTS = new Text("Ingen kommentarer.", "No comments.");
    public static final Text OTHER_COMMENTS = new Text("Øvrige kommentarer", "Other comments");

    public static final Text MEETING = new Text("Til teammødet", "For the team meeting");
    public static final Text MEETING_INTRO = new Text(
            "Refleksionsspørgsmål fra tjeklisten til de svageste temaer, som oplæg til drøftelsen:",
            "Reflection questions from the checklist for the weakest themes, to start the discussion:");
    public static final Text MEETING_THEME = new Text("%s (tjekliste: %s)", "%s (checklist: %s)");

    public static final Text METHOD_NOTE = new Text(
            "Gennemsnit på skalaen 1-5 (1 = helt uenig, 5 = helt enig). Enige = 4-5, uenige = 1-2. "
                    + "Et tema tæller alle svar 1-5 på dets udsagn; et udsagn de personer, der svarede 1-5; "
                    + "\"ved ikke\" tæller ikke med i gennemsnittet. Grupper med under %d besvarelser "
                    + "og udsagn med under %d svar 1-5 vises ikke.",
            "Averages on the 1-5 scale (1 = strongly disagree, 5 = strongly agree). Agree = 4-5, disagree = 1-2. "
                    + "A theme counts every answer 1-5 to its statements; a statement the people who answered 1-5; "
                    + "\"don't know\" is not part of the average. Groups with fewer than %d responses "
                    + "and statements with fewer than %d answers 1-5 are not shown.");

    // The one-screen summary, its charts and the exports (issue 11)
    public static final Text DETAILS_TITLE = new Text("Detaljer: %s", "Details: %s");
    public static final Text THEME_MEANS = new Text("Gennemsnit pr. tema (1-5)", "Average per theme (1-5)");
    public static final Text THEME_BOTH = new Text("%s: ledelsen %s · medarbejdere %s", "%s: management %s · staff %s");
    public static final Text LARGEST_GAPS = new Text("Største forskelle mellem ledelse og medarbejdere",
            "Largest differences between management and staff");
    public static final Text GOING_WELL = new Text("Går godt", "Going well");
    public static final Text NEEDS_FOCUS = new Text("Behov for ekstra fokus", "Needs extra focus");
    public static final Text NOTHING_STANDS_OUT = new Text(
            "Ingen temaer skiller sig tydeligt ud: alle ligger under 0,3 fra gennemsnittet.",
            "No theme clearly stands out: all are within 0.3 of the average.");
    public static final Text NO_LARGE_GAPS = new Text(
            "Ledelse og medarbejdere vurderer temaerne nogenlunde ens (forskelle under 0,3).",
            "Management and staff rate the themes much the same (differences below 0.3).");
    public static final Text MORE_HINT = new Text(
            "Alle udsagn og kommentarer: Detaljer eller \"rapport %d detaljer\". Til den øverste ledelse: "
                    + "\"eksport %d pdf\"; tallene til regneark: \"eksport %d csv\".",
            "Every statement and the comments: Details or \"report %d details\". For top management: "
                    + "\"export %d pdf\"; the figures for spreadsheets: \"export %d csv\".");
    public static final Text DETAILS_BUTTON = new Text("Detaljer", "Details");
    public static final Text PDF_BUTTON = new Text("PDF til ledelsen", "PDF for management");
    public static final Text CSV_BUTTON = new Text("CSV", "CSV");

    public static final Text SCALE_LOW = new Text("1 helt uenig", "1 strongly disagree");
    public static final Text SCALE_HIGH = new Text("5 helt enig", "5 strongly agree");
    public static final Text OVERVIEW_CHART = new Text("Svarene pr. tema, ledelse og medarbejdere",
            "Answers per theme, management and staff");
    public static final Text OVERVIEW_ALT = new Text(
            "Diagram over svarfordelingen pr. tema fra 1 helt uenig til 5 helt enig. %s",
            "Chart of the answers per theme from 1 strongly disagree to 5 strongly agree. %s");
    public static final Text ALT_GROUP = new Text("%s: gennemsnit %s, %s enige, %s uenige", "%s: average %s, %s agree, %s disagree");
    public static final Text TREND_CHART = new Text("%s: udvikling pr. tema over målingerne", "%s: development per theme across the measurements");
    public static final Text TREND_ALT = new Text("Diagram over udviklingen for %s over målingerne %s. %s",
            "Chart of the development for %s across measurements %s. %s");
    public static final Text ROUND_LABEL = new Text("Måling %d", "Measurement %d");
    public static final Text TREND = new Text("Udvikling over målingerne", "Development across the measurements");

    private ReportTexts() {
    }

    public static Text group(ReportGroup group) {
        return group == ReportGroup.LEDELSE ? LEADERS : STAFF;
    }

    /** The text in the language with its placeholders filled in. */
    public static String format(Text text, Language language, Object... args) {
        return String.format(Locale.ROOT, text.in(language), args);
    }
}
