package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.questionnaire.DraftState;
import dk.vum.barometer.core.questionnaire.QuestionnaireMessages;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.ResponseStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds the outbox rows for invitations and reminders, in each respondent's language. A reminder says how
 * far the person got (read from their own draft, and sent only to them) and how many days are left.
 */
public final class Invitations {

    private final OrganisationStore organisations;
    private final ResponseStore responses;
    private final ContentRepository content;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public Invitations(OrganisationStore organisations, ResponseStore responses, ContentRepository content, Directory directory, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.responses = responses;
        this.content = content;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public List<OutboxMessage> invitations(Measurement m, Collection<Respondent> respondents) {
        // Before the start nothing is pinned yet: the invitation promises today's minimums, which start pins.
        OrgSettings settings = m.thresholds() != null ? m.thresholds() : organisations.settings(m.org());
        return respondents.stream().map(r -> Outbox.message(m.org(), new Destination.Direct(r.userId()),
                QuestionnaireMessages.invitation(language(m, r), m, questionnaire(m, r), settings),
                "invite:" + m.number() + ":" + r.userId())).toList();
    }

    /** Reminders; {@code round} makes the dedupe key, so one reminder round reaches a person once. */
    public List<OutboxMessage> reminders(Measurement m, Collection<Respondent> respondents, String round) {
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(zone)), m.deadline());
        return respondents.stream().map(r -> {
            Optional<Draft> draft = responses.draft(m.org(), m.number(), r.userId());
            int answered = draft.map(d -> DraftState.fromJson(d.state()).answers().size()).orElse(0);
            Message message = QuestionnaireMessages.reminder(language(m, r), m, questionnaire(m, r), answered,
                    draft.isPresent(), daysLeft);
            return Outbox.message(m.org(), new Destination.Direct(r.userId()), message,
                    "remind:" + m.number() + ":" + round + ":" + r.userId());
        }).toList();
    }

    private Language language(Measurement m, Respondent r) {
        return directory.language(m.org(), r.userId());
    }

    private Questionnaire questionnaire(Measurement m, Respondent r) {
        return content.questionnaire(m, r.role().audience());
    }
}
