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
import dk.vum.barometer.core.report.ReportActions;
import dk.vum.barometer.core.plan.PlanCommands;
import dk.vum.barometer.core.report.OverviewCommands;
import dk.vum.barometer.core.report.ReportCommands;
import dk.vum.barometer.core.rhythm.RhythmCommands;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.rounds.RoundForms;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.core.store.TeamStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
    private final TeamStore teams;
    private final Directory directory;
    private final RespondentActions respondents;
    private final MeasurementCommands rounds;
    private final ReportCommands reports;
    private final ChecklistCommands checklist;
    private final PlanCommands plan;
    private final RhythmCommands rhythm;
    private final OverviewCommands overview;
    private final AdminCommands admin;
    private final PrivateReplies privately;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public BarometerBot(Storage store, TeamStore teams, Directory directory, RespondentActions respondents, MeasurementCommands rounds,
                        ReportCommands reports, ChecklistCommands checklist, PlanCommands plan, RhythmCommands rhythm,
                        OverviewCommands overview, AdminCommands admin, PrivateReplies privately) {
        this.store = store;
        this.teams = teams;
        this.directory = directory;
        this.respondents = respondents;
        this.rounds = rounds;
        this.reports = reports;
        this.checklist = checklist;
        this.plan = plan;
        this.rhythm = rhythm;
        this.overview = overview;
        this.admin = admin;
        this.privately = privately;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    /**
     * One event is one unit of work: its de-duplication, reads and writes commit together, and the replies
     * are returned once they are durable. The unit is entered before the user's lock, as an adapter's
     * own unit around this call is (one order of locks everywhere).
     */
    @Override
    public List<Message> handle(Inbound event) {
        try {
            return store.inTransaction(() -> handleInUnit(event));
        } catch (RuntimeException e) {
            // The unit failed as a whole (a database failure dooms it, even where it was caught): nothing it did
            // is kept, its delivery id neither, so the person is told to try again and a redelivery is handled.
            LOG.error("Handling a {} in {} failed; nothing of it was kept", event.getClass().getSimpleName(), event.address().org(), e);
            return List.of(Message.text(t(languageOrDanish(event.address()), "error.unexpected")));
        }
    }

    /** The person's language, or Danish when even that cannot be read now. */
    private Language languageOrDanish(Address a) {
        try {
            return directory.language(a.org(), a.userId());
        } catch (RuntimeException e) {
            return Language.DA;
        }
    }

    private List<Message> handleInUnit(Inbound event) {
        Address a = event.address();
        ReentrantLock lock = locks[Math.floorMod((a.org().value() + "\n" + a.userId()).hashCode(), locks.length)];
        lock.lock();
        try {
            if (event.deliveryId() != null && !store.firstDelivery(a.org(), event.deliveryId())) return List.of();
            try {
                store.ensureOrganisation(a.org(), a.org().value());
                // Whoever writes to the bot is a person the platform knows, named or not (see Directory).
                if (a.userName() != null && !a.userName().isBlank()) store.upsertUser(a.org(), a.userId(), a.userName());
                else if (store.user(a.org(), a.userId()).isEmpty()) store.upsertUser(a.org(), a.userId(), null);
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
        return new Caller(a, roles, teams.teamsLedBy(a.org(), a.userId()), lang);
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
        if (MeasurementCommands.CLOSE_ACTION.equals(b.action())) {
            AccessPolicy.check(c, CommandWord.CLOSE, () -> hasCoordinator(c));
            int number = CommandLine.parseNumber(b.value()).orElseThrow(() -> new Refusal(t(c.language(), "error.unknown.action")));
            return rounds.closeConfirmed(c, number);
        }
        if (b.action() != null && b.action().startsWith(ReportActions.PREFIX)) return reportButton(c, b);
        // Follow-up buttons carry no user state: whoever presses is the one acting, checked here and now.
        if (b.action() != null && b.action().startsWith(ChecklistCommands.PREFIX)) return checklist.button(c, b.action(), b.value());
        if (b.action() != null && b.action().startsWith(PlanCommands.PREFIX)) return plan.button(c, b.action(), b.value());
        throw new Refusal(t(c.language(), "error.unknown.action"));
    }

    /** The summary's buttons do what the typed commands do, with the same access checks. */
    private List<Message> reportButton(Caller c, Inbound.ButtonInput b) {
        String number = b.value() == null ? "" : b.value().strip();
        CommandLine line = switch (b.action()) {
            case ReportActions.DETAILS -> new CommandLine(CommandWord.REPORT, List.of(number, "detaljer"));
            case ReportActions.PDF -> new CommandLine(CommandWord.EXPORT, List.of(number, "pdf"));
            case ReportActions.CSV -> new CommandLine(CommandWord.EXPORT, List.of(number, "csv"));
            default -> throw new Refusal(t(c.language(), "error.unknown.action"));
        };
        AccessPolicy.check(c, line.word(), () -> hasCoordinator(c));
        return line.word() == CommandWord.REPORT ? reports.report(c, line) : reports.export(c, line);
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
            directory.requireKnown(c, RoundForms.people(f.values()), RoundForms.channel(f.values()).stream().toList());
            return once(c, f, () -> id.equals(RoundForms.NEW) ? rounds.createFromForm(c, f.values()) : rounds.addFromForm(c, f.values()));
        }
        if (id.equals(ChecklistCommands.NOTE_FORM)) return checklist.form(c, id, f.values());
        if (id.equals(PlanCommands.ADD_FORM)) {
            AccessPolicy.check(c, CommandWord.PLAN, () -> hasCoordinator(c));
            return once(c, f, () -> plan.addFromForm(c, f.values()));
        }
        throw new Refusal(t(c.language(), "error.unknown.action"));
    }

    /**
     * Acts on one form instance once, however often it is sent (two clicks, a retry, a second tab); a form
     * that was refused (a missing field) may be corrected and sent again.
     */
    private List<Message> once(Caller c, Inbound.FormInput f, Supplier<List<Message>> action) {
        String instance = f.values().get(RoundForms.F_INSTANCE);
        if (instance == null || instance.isBlank()) return action.get();
        String key = "form:" + instance;
        if (!store.firstDelivery(c.org(), key)) throw new Refusal(t(c.language(), "form.already.sent"));
        try {
            return action.get();
        } catch (RuntimeException e) {
            store.forgetDelivery(c.org(), key);
            throw e;
        }
    }

    private List<Message> text(Caller c, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_TEXT) throw new Refusal(t(c.language(), "error.too.long", MAX_TEXT));
        if (c.address().direct()) {
            var typed = respondents.typed(c, text);
            if (typed.isPresent()) return typed.get();
        }
        if (text.isEmpty()) return List.of(HelpMessages.help(c, canSetUp(c)));
        CommandLine line = CommandLine.parse(text).orElse(null);
        if (line == null) return List.of(HelpMessages.unknown(c, canSetUp(c)));
        // "start" is also what the invitation's button says: a respondent typing it means their questionnaire
        // (others hear that starting a round is the coordinator's, not that it has not started).
        if (line.word() == CommandWord.START && !c.isCoordinator() && respondsTo(c, line)) {
            line = new CommandLine(CommandWord.ANSWER, line.args());
        }
        AccessPolicy.check(c, line.word(), () -> hasCoordinator(c));
        directory.requireKnown(c, line.mentions(), line.channels());
        return switch (line.word()) {
            case HELP -> List.of(HelpMessages.help(c, canSetUp(c)));
            case SETUP -> admin.setup(c, line);
            case NEW -> rounds.create(c, line);
            case RENAME -> rounds.rename(c, line);
            case DELETE -> rounds.delete(c, line);
            case REMOVE -> rounds.remove(c, line);
            case DEADLINE -> rounds.deadline(c, line);
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
            case EXPORT -> reports.export(c, line);
            case CHECKLIST -> checklist.handle(c, line);
            case PLAN -> plan.handle(c, line);
            case RHYTHM -> rhythm.handle(c, line);
            case OVERVIEW -> privately.deliver(c, "overview", overview.overview(c));
            case ROLE -> admin.grant(c, line);
            case REVOKE -> admin.revoke(c, line);
            case ROLES -> admin.roles(c);
            case SETTINGS -> admin.settings(c, line);
            case ANSWER -> privately.deliver(c, "questionnaire", respondents.resume(c, line));
            case PAUSE -> privately.deliver(c, "questionnaire", respondents.pause(c, line));
            case LANGUAGE -> admin.language(c, line);
        };
    }

    /** Whether the caller is registered on the measurement "start" names (or names none). */
    private boolean respondsTo(Caller c, CommandLine line) {
        return line.numbers().stream().findFirst()
                .map(n -> store.respondent(c.org(), n, c.userId()).isPresent()).orElse(true);
    }

    /** "opsæt" is offered only where it can work: to anyone while the organisation has no coordinator. */
    private boolean canSetUp(Caller c) {
        return !hasCoordinator(c);
    }

    private boolean hasCoordinator(Caller c) {
        return store.roleHolders(c.org()).values().stream().anyMatch(r -> r.contains(Role.COORDINATOR));
    }
}
