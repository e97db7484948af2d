package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Checklist;
import dk.vum.barometer.content.ChecklistArea;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Small questionnaires built in code, and helpers to make responses.
 *
 * <p>Leaders: L1 (kommunikation, parallel to S1), L2 (kommunikation), L3 (uddannelse, parallel to S3),
 * L4 (opfoelgning). Staff: S1 (kommunikation), S2 (uddannelse), S3 (uddannelse), S4 (opfoelgning).
 */
public final class ReportFixtures {

    public static final OrgId ORG = new OrgId("local:demo");
    public static final Scale SCALE = new Scale(
            List.of(option(1, "Helt uenig"), option(2, "Uenig"), option(3, "Hverken enig eller uenig"),
                    option(4, "Enig"), option(5, "Helt enig")),
            option(Scale.DONT_KNOW, "Ved ikke"), option(Scale.NOT_RELEVANT, "Ikke relevant"));

    public static final Theme KOMMUNIKATION = new Theme("kommunikation", new Text("Kommunikation", "Communication"), "kommunikation");
    public static final Theme UDDANNELSE = new Theme("uddannelse", new Text("Uddannelse og træning", "Education and training"), "uddannelse");
    public static final Theme OPFOELGNING = new Theme("opfoelgning", new Text("Opfølgning", "Follow-up"), "opfoelgning");

    public static final Questionnaire LEADERS = questionnaire(Audience.LEDELSE, List.of(KOMMUNIKATION, UDDANNELSE, OPFOELGNING), List.of(
            new Item("L1", "kommunikation", new Text("Vi har fortalt medarbejderne hvorfor VUM 2.0 indføres", "We told staff why"), "S1"),
            new Item("L2", "kommunikation", Text.da("Ledelsen følger op på kommunikationen"), null),
            new Item("L3", "uddannelse", Text.da("Medarbejderne har fået den nødvendige uddannelse"), "S3"),
            new Item("L4", "opfoelgning", Text.da("Vi følger systematisk op på implementeringen"), null)));

    public static final Questionnaire STAFF = questionnaire(Audience.SAGSBEHANDLERE, List.of(KOMMUNIKATION, UDDANNELSE, OPFOELGNING), List.of(
            new Item("S1", "kommunikation", new Text("Jeg ved hvorfor VUM 2.0 indføres", "I know why VUM 2.0 is introduced"), null),
            new Item("S2", "uddannelse", Text.da("Jeg har fået undervisning i metoden"), null),
            new Item("S3", "uddannelse", Text.da("Jeg har fået den uddannelse jeg har brug for"), null),
            new Item("S4", "opfoelgning", Text.da("Vi følger op på hvordan det går"), null)));

    public static final Checklist CHECKLIST = new Checklist(1, Text.da("Tjekliste"), List.of(
            area("kommunikation", 6, "Kommunikation", "Hvordan kommunikerer vi om forandringen?", "Hvem har brug for at vide hvad?"),
            area("uddannelse", 7, "Uddannelse og træning", "Hvordan sikrer vi kompetencerne?", "Hvem mangler træning i metoden?"),
            area("opfoelgning", 8, "Opfølgning", "Hvordan følger vi op på implementeringen?", "Hvornår gør vi status næste gang?")));

    private ReportFixtures() {
    }

    public static Questionnaire questionnaire(Audience audience, List<Theme> themes, List<Item> items) {
        return new Questionnaire(audience.name().toLowerCase(), 1, Stage.OPSTART, audience,
                Text.da("Spørgeskema"), Text.da("Intro"), SCALE, themes, items);
    }

    public static ChecklistArea area(String id, int number, String title, String question1, String question2) {
        return new ChecklistArea(id, number, Text.da(title), Text.da("Tjekspørgsmål om " + title),
                List.of(new Text(question1, "EN " + question1), new Text(question2, "EN " + question2)), List.of(), false);
    }

    public static Measurement measurement(int number, Integer compareWith) {
        return measurement(number, compareWith, MeasurementStatus.CLOSED);
    }

    public static Measurement measurement(int number, Integer compareWith, MeasurementStatus status) {
        return new Measurement(ORG, number, "Forår " + number, Stage.OPSTART, LocalDate.of(2025, 5, 1), "C1",
                compareWith, Map.of(Audience.LEDELSE, "h1", Audience.SAGSBEHANDLERE, "h2"),
                status, 0, "U1", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2), OrgSettings.DEFAULTS);
    }

    /** Leaders: L1 mean 23/5, L3 13/5, L4 6/5; L2 unanswered. */
    public static List<StoredResponse> leaders(int count) {
        return table(ReportGroup.LEDELSE, count, Map.of(
                "L1", new int[]{4, 4, 5, 5, 5}, "L3", new int[]{2, 2, 3, 3, 3}, "L4", new int[]{1, 1, 1, 1, 2}));
    }

    /** Staff: S1 mean 16/5, S3 5, S4 2; S2 unanswered. */
    public static List<StoredResponse> staff(int count) {
        return table(ReportGroup.MEDARBEJDERE, count, Map.of(
                "S1", new int[]{3, 3, 3, 3, 4}, "S3", new int[]{5}, "S4", new int[]{2}));
    }

    /**
     * {@code count} responses; response i answers each item with {@code values[i % values.length]},
     * e.g. {@code table(LEDELSE, 5, Map.of("L1", new int[]{4, 4, 5, 5, 5}))}.
     */
    public static List<StoredResponse> table(ReportGroup group, int count, Map<String, int[]> columns) {
        return IntStream.range(0, count).mapToObj(i -> {
            Map<String, Integer> answers = new HashMap<>();
            columns.forEach((item, values) -> answers.put(item, values[i % values.length]));
            return new StoredResponse(group, "h", answers);
        }).toList();
    }

    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> list : lists) all.addAll(list);
        return all;
    }

    public static MeasurementData data(Measurement measurement, List<StoredResponse> responses, List<StoredComment> comments) {
        return new MeasurementData(measurement, Map.of(Audience.LEDELSE, LEADERS, Audience.SAGSBEHANDLERE, STAFF),
                responses, comments, List.of());
    }

    private static ScaleOption option(int value, String label) {
        return new ScaleOption(value, Text.da(label));
    }

    /** A closed measurement 1 of these responses, reported with the default minimums. */
    public static Report report(List<StoredResponse> responses) {
        return round(1, null, responses);
    }

    /** A closed round repeating {@code compareWith}, reported alone, as a series' rounds are. */
    public static Report round(int number, Integer compareWith, List<StoredResponse> responses) {
        return new ReportBuilder(new Random(1)).build(ReportInput.of(
                data(measurement(number, compareWith), responses, List.of()), OrgSettings.DEFAULTS));
    }
}
