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
 * written through the store while the server is down. Not a figure itself, so it is written without
 * waiting for the disk; the server then closes the measurement and builds its summary.
 */
final class ReportScale {

    static final String NAME = "Kommunen";

    private ReportScale() {
    }

    /** Returns the new measurement's number. */
    static int seed(Path dataDir, int template, int responses) {
        Random random = new Random(15);
        try (SqliteStorage store = SqliteStorage.open(dataDir, Clock.systemUTC(), Durability.OFF)) {
            Measurement first = store.measurement(DemoSeed.ORG, template).orElseThrow();
            LocalDate today = LocalDate.now();
            int m = store.createMeasurement(new NewMeasurement(DemoSeed.ORG, NAME, first.stage(), today.plusDays(30), null, null,
                    first.contentHashes(), DemoSeed.COORDINATOR.id(), today)).number();
            Map<String, RespondentRole> people = new LinkedHashMap<>();
            for (int i = 1; i <= responses; i++) {
                people.put(String.format("kommune%05d", i), i % 10 == 0 ? RespondentRole.LEDER : RespondentRole.SAGSBEHANDLER);
            }
            store.addRespondents(DemoSeed.ORG, m, people, List.of());
            store.open(DemoSeed.ORG, m, today, store.settings(DemoSeed.ORG), List.of());
            Map<Audience, Questionnaire> content = new HashMap<>();
            for (Map.Entry<String, RespondentRole> person : people.entrySet()) {
                RespondentRole role = person.getValue();
                String hash = first.contentHashes().get(role.audience());
                Questionnaire q = content.computeIfAbsent(role.audience(),
                        a -> QuestionnaireCodec.fromJson(store.content(hash).orElseThrow()));
                SubmitResult result = store.submit(DemoSeed.ORG, m, person.getKey(),
                        new Submission(role.group(), hash, answers(q, random), Map.of()));
                if (result != SubmitResult.ACCEPTED) throw new IllegalStateException("seeding the summary's round: " + result);
            }
            return m;
        }
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
