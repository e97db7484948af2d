package dk.vum.barometer.bench;

import dk.vum.barometer.app.DemoSeed;
import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.QuestionnaireCodec;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.storage.JdbcStorage;
import dk.vum.barometer.storage.sqlite.Durability;
import dk.vum.barometer.storage.sqlite.SqliteStorage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A municipality-wide round for the summary: a second measurement with the first one's pinned content and
 * {@code responses} submissions (one in ten from a leader, answers drawn at random with a fixed seed),
 * written through the store while the server is down (on SQLite without waiting for the disk: it is no
 * figure itself); the server then closes the measurement and builds its summary.
 */
final class ReportScale {

    static final String NAME = "Kommunen";

    private ReportScale() {
    }

    /** On SQLite, written without waiting for the disk. Returns the new measurement's number. */
    static int seed(Path dataDir, int template, int responses) {
        try (SqliteStorage store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.OFF)) {
            return seed(store, DemoSeed.ORG, DemoSeed.COORDINATOR.id(), template, responses);
        }
    }

    /** Through any store, as the coordinator of the organisation. Returns the new measurement's number. */
    static int seed(JdbcStorage store, OrgId org, String coordinator, int template, int responses) {
        Random random = new Random(15);
        Measurement first = store.measurement(org, template).orElseThrow();
        LocalDate today = LocalDate.now();
        int m = store.createMeasurement(new NewMeasurement(org, NAME, first.stage(), today.plusDays(30), null, null,
                first.contentHashes(), coordinator, today)).number();
        Map<String, RespondentRole> people = new LinkedHashMap<>();
        for (int i = 1; i <= responses; i++) {
            people.put(String.format("kommune%05d", i), i % 10 == 0 ? RespondentRole.LEDER : RespondentRole.SAGSBEHANDLER);
        }
        store.addRespondents(org, m, people, List.of());
        store.open(org, m, today, store.settings(org), List.of());
        Map<Audience, Questionnaire> content = new HashMap<>();
        for (Map.Entry<String, RespondentRole> person : people.entrySet()) {
            RespondentRole role = person.getValue();
            String hash = first.contentHashes().get(role.audience());
            Questionnaire q = content.computeIfAbsent(role.audience(),
                    a -> QuestionnaireCodec.fromJson(store.content(hash).orElseThrow()));
            SubmitResult result = store.submit(org, m, person.getKey(),
                    new Submission(role.group(), hash, answers(q, random), Map.of()));
            if (result != SubmitResult.ACCEPTED) throw new IllegalStateException("seeding the summary's round: " + result);
        }
        return m;
    }

    private static Map<String, Integer> answers(Questionnaire q, Random random) {
        List<ScaleOption> options = q.scale().options();
        Map<String, Integer> answers = new HashMap<>();
        for (Item item : q.items()) {
            answers.put(item.id(), random.nextInt(12) == 0 ? Scale.DONT_KNOW : options.get(random.nextInt(options.size())).value());
        }
        return answers;
    }
}
