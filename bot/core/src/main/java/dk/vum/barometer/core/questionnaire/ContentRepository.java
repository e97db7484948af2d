package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Checklist;
import dk.vum.barometer.content.ContentCatalog;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.QuestionnaireCodec;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.content.TeamMeetingGuide;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.store.MeasurementStore;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content a measurement uses: the current catalogue when a measurement is created, and afterwards
 * always the snapshot it pinned by hash, so editing content files never changes a running or past round.
 */
public final class ContentRepository {

    private final ContentCatalog catalog;
    private final MeasurementStore store;
    private final Map<String, Questionnaire> byHash = new ConcurrentHashMap<>();

    public ContentRepository(ContentCatalog catalog, MeasurementStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    public Checklist checklist() {
        return catalog.checklist();
    }

    /** The discussion questions for team meetings (current content, like the checklist: not pinned). */
    public TeamMeetingGuide teamMeeting() {
        return catalog.teamMeeting();
    }

    /** Stores the current questionnaires of a stage and returns their hashes, to pin on a new measurement. */
    public Map<Audience, String> pin(Stage stage) {
        Map<Audience, String> hashes = new EnumMap<>(Audience.class);
        for (Audience audience : Audience.values()) {
            Questionnaire q = catalog.questionnaire(stage, audience);
            String hash = QuestionnaireCodec.hash(q);
            store.saveContent(hash, QuestionnaireCodec.toJson(q));
            byHash.put(hash, q);
            hashes.put(audience, hash);
        }
        return hashes;
    }

    /** The questionnaire a measurement pinned for an audience. */
    public Questionnaire questionnaire(Measurement measurement, Audience audience) {
        return byHash(measurement.contentHashes().get(audience));
    }

    public Map<Audience, Questionnaire> questionnaires(Measurement measurement) {
        Map<Audience, Questionnaire> result = new EnumMap<>(Audience.class);
        for (Audience audience : Audience.values()) result.put(audience, questionnaire(measurement, audience));
        return result;
    }

    public Questionnaire byHash(String hash) {
        return byHash.computeIfAbsent(hash, h -> QuestionnaireCodec.fromJson(store.content(h)
                .orElseThrow(() -> new IllegalStateException("pinned content missing: " + h))));
    }
}
