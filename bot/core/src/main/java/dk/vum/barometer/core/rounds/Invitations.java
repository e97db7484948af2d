package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.questionnaire.QuestionnaireMessages;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.Storage;

import java.util.Collection;
import java.util.List;

/** Builds the outbox rows for invitations and reminders, in each respondent's language. */
public final class Invitations {

    private final Storage store;
    private final ContentRepository content;
    private final Directory directory;

    public Invitations(Storage store, ContentRepository content, Directory directory) {
        this.store = store;
        this.content = content;
        this.directory = directory;
    }

    public List<OutboxMessage> invitations(Measurement m, Collection<Respondent> respondents) {
        return messages(m, respondents, false, "invite:" + m.number());
    }

    /** Reminders; {@code round} makes the dedupe key, so one reminder round reaches a person once. */
    public List<OutboxMessage> reminders(Measurement m, Collection<Respondent> respondents, String round) {
        return messages(m, respondents, true, "remind:" + m.number() + ":" + round);
    }

    private List<OutboxMessage> messages(Measurement m, Collection<Respondent> respondents, boolean reminder, String keyPrefix) {
        // Before the start nothing is pinned yet: the invitation promises today's minimums, which start pins.
        OrgSettings settings = m.thresholds() != null ? m.thresholds() : store.settings(m.org());
        return respondents.stream().map(r -> {
            Language lang = directory.language(m.org(), r.userId());
            Questionnaire q = content.questionnaire(m, r.role().audience());
            Message message = QuestionnaireMessages.invitation(lang, m, q, settings, reminder);
            return Outbox.message(m.org(), new Destination.Direct(r.userId()), message, keyPrefix + ":" + r.userId());
        }).toList();
    }
}
