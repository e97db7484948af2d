package dk.vum.barometer.core.report.export;

import dk.vum.barometer.content.Text;

/** The PDF's own words; the figures' sentences are the chat's ({@code ReportWords}). */
final class PdfTexts {

    static final Text DEADLINE = new Text("frist %s", "deadline %s");
    static final Text PRINTED = new Text("udskrevet %s", "printed %s");
    static final Text SUMMARY = new Text("Sammenfatning", "Summary");
    static final Text AGREE_SHARE = new Text("Andel enige", "Share agreeing");
    static final Text FOLLOW_UP = new Text("Tjekliste og handleplan", "Checklist and activity plan");
    static final Text CHECKLIST = new Text(
            "Implementeringsgruppens egen vurdering i teamets kanal (ikke anonym), seneste svar pr. område:",
            "The implementation group's own assessment in the team's channel (not anonymous), latest answer per area:");
    static final Text AREA = new Text("Område", "Area");
    static final Text ANSWER = new Text("Svar", "Answer");
    static final Text ANSWERED = new Text("Dato", "Date");
    static final Text PLAN = new Text("Teamets handleplan:", "The team's activity plan:");
    static final Text ACTIVITY = new Text("Aktivitet", "Activity");
    static final Text STATUS = new Text("Status", "Status");
    static final Text DUE = new Text("Frist", "Due");
    static final Text METHOD = new Text("Metode og anonymitet", "Method and anonymity");
    static final Text ANONYMITY = new Text(
            "Besvarelserne er anonyme: de gemmes uden navn, og ingen kan føre et svar tilbage til en person. "
                    + "En gruppe med under %d besvarelser vises slet ikke, heller ikke i udviklingen over tid; "
                    + "kommentarer vises kun for grupper med mindst %d besvarelser. Samme grænser gælder for alle målinger i rapporten.",
            "Responses are anonymous: they are stored without a name, and no answer can be traced to a person. "
                    + "A group with fewer than %d responses is not shown at all, nor in the development over time; "
                    + "comments are only shown for groups with at least %d responses. The same minimums apply to every measurement in the report.");

    private PdfTexts() {
    }
}
