package dk.vum.barometer.core;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.access.PrivateReplies;
import dk.vum.barometer.core.admin.AdminCommands;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.checklist.ChecklistCommands;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.command.CommandWord;
import dk.vum.barometer.core.command.HelpMessages;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.questionnaire.RespondentActions;
import dk.vum.barometer.core.report.ReportCommands;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.rounds.RoundForms;
import dk.vum.barometer.core.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The bot: deduplicates deliveries, works out who is asking, and hands the event to the part that
 * handles it. Events of one user are handled one at a time, so a double click cannot interleave.
 * Logs never name a user together with what they answered.
 */
public final class BarometerBot implements ChatBot {

    private static final Logger LOG = LoggerFactory.getLogger(BarometerBot.class);
    private static final int MAX_TEXT = 4000;

    private final Storage store;
    private final Directory directory;
    private final RespondentActions respondents;
    private final MeasurementCommands rounds;
    private final ReportCommands reports;
    private final ChecklistCommands checklist;
    private final AdminCommands admin;
    private final PrivateReplies privately;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public BarometerBot(Storage store, Directory directory, RespondentActions respondents, MeasurementCommands rounds,
                        ReportCommands reports, ChecklistCommands checklist, AdminCommands admin,
                        PrivateReplies privately) {
        this.store = store;
        this.directory = directory;
        this.respondents = respondents;
        this.rounds = rounds;
        this.reports = reports;
        this.checklist = checklist;
        this.admin = admin;
        this.privately = privately;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    @Override
    public List<Message> handle(Inbound event) {
        Address a = event.address();
        ReentrantLock lock = locks[Math.floorMod((a.org().value() + "\n" + a.userId()).hashCode(), locks.length)];
        lock.lock();
        try {
            if (event.deliveryId() != null && !store.firstDelivery(a.org(), event.deliveryId())) return List.of();
            try {
                store.ensureOrganisation(a.org(), a.org().value());
                if (a.userName() != null && !a.userName().isBlank()) store.upsertUser(a.org(), a.userId(), a.userName());
                Caller caller = caller(a);
                try {
                    return dispatch(caller, event);
                } catch (Refusal refusal) {
                    // The corrected form comes back under the same delivery id (Slack's view id): let it in.
                    if (refusal.aboutField() && event.deliveryId() != null) store.forgetDelivery(a.org(), event.deliveryId());
                    return List.of(refusal.reply());
                }
            } catch (RuntimeException e) {
                // Forget the delivery, so the platform's retry of it is handled: every step is idempotent.
                if (event.deliveryId() != null) store.forgetDelivery(a.org(), event.deliveryId());
                LOG.error("Unexpected error handling a {} in {}", event.getClass().getSimpleName(), a.org(), e);
                return List.of(Message.text(t(directory.language(a.org(), a.userId()), "error.unexpected")));
            }
        } finally {
            lock.unlock();
        }
    }

    private Caller caller(Address a) {
        Set<Role> roles = store.roles(a.org(), a.userId());
        Language lang = directory.language(a.org(), a.userId());
        return new Caller(a, roles, lang);
    }

    private List<Message> dispatch(Caller c, Inbound event) {
        if (event instanceof Inbound.ButtonInput b) return button(c, b);
        if (event instanceof Inbound.FormInput f) return form(c, f);
        return text(c, ((Inbound.TextInput) event).text());
    }

    private List<Message> button(Caller c, Inbound.ButtonInput b) {
        if (b.action() != null && b.action().startsWith(QuestionnaireActions.PREFIX)) {
            directOnly(c);
            return respondents.button(c, b.action(), b.value());
        }
        throw new Refusal(t(c.language(), "error.unknown.action"));
    }

    /** A questionnaire is answered in the person's direct conversation only, never where others can see. */
    private static void directOnly(Caller c) {
        if (!c.address().direct()) throw new Refusal(t(c.language(), "flow.direct.only"));
    }

    private List<Message> form(Caller c, Inbound.FormInput f) {
        String id = f.formId() == null ? "" : f.formId();
        if (id.startsWith(QuestionnaireActions.PREFIX)) {
            directOnly(c);
            return respondents.form(c, id, f.values());
        }
        if (id.equals(RoundForms.NEW) || id.equals(RoundForms.ADD)) {
            AccessPolicy.check(c, CommandWord.NEW, () -> hasCoordinator(c));
            return id.equals(RoundForms.NEW) ? rounds.createFromForm(c, f.values()) : rounds.addFromForm(c, f.values());
        }
        throw new Refusal(t(c.language(), "error.unknown.action"));
    }

    private List<Message> text(Caller c, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_TEXT) throw new Refusal(t(c.language(), "error.too.long", MAX_TEXT));
        if (c.address().direct()) {
            var typed = respondents.typed(c, text);
            if (typed.isPresent()) return typed.get();
        }
        if (text.isEmpty()) return List.of(HelpMessages.help(c));
        CommandLine line = CommandLine.parse(text).orElse(null);
        if (line == null) return List.of(HelpMessages.unknown(c));
        // "start" is also what the invitation's button says: a respondent typing it means their questionnaire.
        if (line.word() == CommandWord.START && !c.isCoordinator()) line = new CommandLine(CommandWord.ANSWER, line.args());
        AccessPolicy.check(c, line.word(), () -> hasCoordinator(c));
        return switch (line.word()) {
            case HELP -> List.of(HelpMessages.help(c));
            case SETUP -> admin.setup(c);
            case NEW -> rounds.create(c, line);
            case LIST -> rounds.list(c);
            case ADD -> rounds.add(c, line);
            case START -> rounds.start(c, line);
            case STATUS -> rounds.status(c, line);
            case REMIND -> rounds.remind(c, line);
            case CLOSE -> rounds.close(c, line);
            case REPORT -> reports.report(c, line);
            case POST -> reports.post(c, line);
            case REPEAT -> rounds.repeat(c, line);
            case COMPARE -> reports.compare(c, line);
            case CHECKLIST -> checklist.handle(c, line);
            case ROLE -> admin.grant(c, line);
            case REVOKE -> admin.revoke(c, line);
            case ROLES -> admin.roles(c);
            case SETTINGS -> admin.settings(c, line);
            case ANSWER -> privately.deliver(c, "questionnaire", respondents.resume(c, line));
            case PAUSE -> privately.deliver(c, "questionnaire", respondents.pause(c, line));
            case LANGUAGE -> admin.language(c, line);
        };
    }

    private boolean hasCoordinator(Caller c) {
        return store.roleHolders(c.org()).values().stream().anyMatch(r -> r.contains(Role.COORDINATOR));
    }
}
