package dk.vum.barometer.core.rounds;

import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.QuestionnaireMessages;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.ResponseStore;

import java.util.List;

/** Closes a round, by a coordinator or at its deadline: final, and no unfinished questionnaire stays on screen. */
public final class RoundCloser {

    private final MeasurementStore measurements;
    private final ResponseStore responses;
    private final OutboxStore outbox;
    private final Directory directory;

    public RoundCloser(MeasurementStore measurements, ResponseStore responses, OutboxStore outbox, Directory directory) {
        this.measurements = measurements;
        this.responses = responses;
        this.outbox = outbox;
        this.directory = directory;
    }

    /** Closes the round if it is open; returns false (and changes nothing) if it was not. */
    public boolean close(Measurement m) {
        // Those in the middle of it: closing deletes their drafts, and their open question is replaced too.
        List<String> answering = responses.drafting(m.org(), m.number());
        if (!measurements.close(m.org(), m.number())) return false;
        outbox.enqueue(answering.stream().map(u -> Outbox.message(m.org(), new Destination.Direct(u),
                QuestionnaireMessages.closed(directory.language(m.org(), u), m), "closed:" + m.number() + ":" + u)).toList());
        return true;
    }
}
