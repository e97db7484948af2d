package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.store.DraftTooLargeException;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.ResponseStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * A respondent's way through a questionnaire: start, answer, go back, comment, pause, resume, review,
 * submit. Every step reads the draft, applies one change and saves it with an optimistic version, so a
 * double click or a duplicate delivery applies once, and a step on a closed or submitted round is
 * refused without changing anything.
 */
public final class RespondentFlow {

    public static final int MAX_COMMENT_LENGTH = 2000;
    private static final int SAVE_ATTEMPTS = 5;

    private final MeasurementStore measurements;
    private final ResponseStore responses;
    private final ContentRepository content;

    public RespondentFlow(MeasurementStore measurements, ResponseStore responses, ContentRepository content) {
        this.measurements = measurements;
        this.responses = responses;
        this.content = content;
    }

    /** A respondent's open questionnaire and where they are in it. */
    private record Session(Measurement measurement, Respondent respondent, Questionnaire questionnaire,
                           DraftState state, long version) {
    }

    public List<Message> start(OrgId org, String user, Language lang, int number) {
        Session s = session(org, user, lang, number);
        if (s.version() == 0) s = update(s, org, user, lang, number, state -> state);
        return List.of(show(lang, s));
    }

    public List<Message> answer(OrgId org, String user, Language lang, int number, String itemId, int value) {
        Session s = session(org, user, lang, number);
        if (s.questionnaire().item(itemId).isEmpty() || !s.questionnaire().scale().isValid(value)) {
            throw new Refusal(t(lang, "flow.bad.answer"));
        }
        Session updated = update(s, org, user, lang, number, state -> state.answer(s.questionnaire(), itemId, value));
        return List.of(show(lang, updated));
    }

    public List<Message> back(OrgId org, String user, Language lang, int number, String from) {
        Session s = session(org, user, lang, number);
        return List.of(show(lang, update(s, org, user, lang, number, state -> state.back(s.questionnaire(), from))));
    }

    public List<Message> review(OrgId org, String user, Language lang, int number) {
        Session s = session(org, user, lang, number);
        if (!s.state().complete(s.questionnaire())) return List.of(show(lang, s));
        return List.of(show(lang, update(s, org, user, lang, number, state -> state.goTo(DraftState.REVIEW))));
    }

    public List<Message> edit(OrgId org, String user, Language lang, int number, String itemId) {
        Session s = session(org, user, lang, number);
        if (s.questionnaire().item(itemId).isEmpty()) throw new Refusal(t(lang, "flow.bad.item"));
        return List.of(show(lang, update(s, org, user, lang, number, state -> state.goTo(itemId))));
    }

    /** Edit by the question's number as shown ("ret 4"). */
    public List<Message> editByNumber(OrgId org, String user, Language lang, int number, int questionNumber) {
        Session s = session(org, user, lang, number);
        List<Item> items = s.questionnaire().items();
        if (questionNumber < 1 || questionNumber > items.size()) throw new Refusal(t(lang, "flow.bad.item"));
        return edit(org, user, lang, number, items.get(questionNumber - 1).id());
    }

    public List<Message> pause(OrgId org, String user, Language lang, int number) {
        Session s = session(org, user, lang, number);
        Session updated = s.state().awaitingComment() == null ? s
                : update(s, org, user, lang, number, DraftState::stopAwaitingComment);
        return List.of(QuestionnaireMessages.paused(lang, s.measurement(), updated.state(), s.questionnaire()));
    }

    public List<Message> requestComment(OrgId org, String user, Language lang, int number, String themeId) {
        Session s = session(org, user, lang, number);
        if (s.questionnaire().theme(themeId).isEmpty()) throw new Refusal(t(lang, "flow.bad.item"));
        Session updated = update(s, org, user, lang, number, state -> state.awaitComment(themeId));
        return List.of(QuestionnaireMessages.commentForm(lang, s.measurement(), s.questionnaire(), updated.state(), themeId));
    }

    /** {@code themeId} may be empty: a form kept without its theme (see Slack's form stash) is for the awaited one. */
    public List<Message> comment(OrgId org, String user, Language lang, int number, String themeId, String text) {
        Session s = session(org, user, lang, number);
        String theme = themeId == null || themeId.isEmpty() ? s.state().awaitingComment() : themeId;
        if (theme == null || s.questionnaire().theme(theme).isEmpty()) throw new Refusal(t(lang, "flow.bad.item"));
        if (text != null && text.length() > MAX_COMMENT_LENGTH) {
            throw new Refusal(t(lang, "flow.comment.too.long", MAX_COMMENT_LENGTH));
        }
        return List.of(show(lang, update(s, org, user, lang, number, state -> state.comment(theme, text))));
    }

    public List<Message> submit(OrgId org, String user, Language lang, int number) {
        Session s = session(org, user, lang, number);
        if (!s.state().complete(s.questionnaire())) return List.of(show(lang, s));
        Submission submission = new Submission(s.respondent().role().group(),
                s.measurement().contentHashes().get(s.respondent().role().audience()),
                s.state().answers(), s.state().comments());
        SubmitResult result;
        try {
            result = responses.submit(org, number, user, submission);
        } catch (DraftTooLargeException e) {
            throw new Refusal(t(lang, "flow.comments.too.long"));
        }
        return switch (result) {
            case ACCEPTED -> List.of(QuestionnaireMessages.thanks(lang, s.measurement()));
            case ALREADY_SUBMITTED -> throw new Refusal(t(lang, "flow.already.submitted", s.measurement().name()));
            case NOT_OPEN -> throw new Refusal(t(lang, "flow.closed", s.measurement().name()));
            case NOT_RESPONDENT -> throw new Refusal(t(lang, "flow.not.respondent"));
        };
    }

    /**
     * Text typed while a questionnaire is under way: a number answers the current question, other text
     * is the comment being waited for, and "tilbage", "indsend", "ret N" and "kommentar" work as the
     * buttons do; any other text that is no command gets the current question again with how to answer.
     * What it shows comes at the end of the conversation, below what was typed, where the person is looking.
     * Empty when the text is a command.
     */
    public Optional<List<Message>> typed(OrgId org, String user, Language lang, String text) {
        Optional<Session> active = active(org, user, lang);
        if (active.isEmpty()) return Optional.empty();
        Session s = active.get();
        Optional<List<Message>> handled = step(org, user, lang, s, text);
        if (handled.isEmpty() && CommandLine.parse(text).isEmpty()) {
            String howTo = t(lang, s.state().atReview() ? "flow.howto.review" : "flow.howto");
            handled = Optional.of(List.of(Message.text(howTo), show(lang, s)));
        }
        return handled.map(replies -> keepInView(lang, replies));
    }

    private Optional<List<Message>> step(OrgId org, String user, Language lang, Session s, String text) {
        int number = s.measurement().number();
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (s.state().awaitingComment() != null) {
            // A lone command word ("pause", "hjælp") is that command, not a comment.
            if (CommandLine.parse(word).filter(line -> line.args().isEmpty()).isPresent()) return Optional.empty();
            if (List.of("annuller", "cancel", "fortryd").contains(word)) {
                return Optional.of(List.of(show(lang, update(s, org, user, lang, number, DraftState::stopAwaitingComment))));
            }
            return Optional.of(comment(org, user, lang, number, s.state().awaitingComment(), text));
        }
        String[] words = word.split("\\s+");
        if (!s.state().atReview()) {
            Optional<Integer> value = AnswerWords.parse(word, s.questionnaire().scale());
            if (value.isPresent()) return Optional.of(answer(org, user, lang, number, s.state().position(), value.get()));
        }
        return switch (words[0]) {
            case "tilbage", "back" -> Optional.of(back(org, user, lang, number, s.state().position()));
            case "indsend", "submit" -> Optional.of(submit(org, user, lang, number));
            case "gennemse", "review" -> Optional.of(review(org, user, lang, number));
            case "kommentar", "comment" -> Optional.of(requestComment(org, user, lang, number, currentTheme(s)));
            case "ret", "edit" -> words.length == 2 && words[1].matches("\\d{1,3}")
                    ? Optional.of(editByNumber(org, user, lang, number, Integer.parseInt(words[1])))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The questionnaire message as it is now, for one queued by its key only: the current question or
     * review, the thanks once submitted, the closing notice once closed; empty before the person began.
     */
    public Optional<Message> current(OrgId org, String user, Language lang, int number) {
        Optional<Measurement> m = measurements.measurement(org, number);
        Optional<Respondent> r = measurements.respondent(org, number, user);
        if (m.isEmpty() || r.isEmpty()) return Optional.empty();
        if (r.get().status() == RespondentStatus.SUBMITTED) return Optional.of(QuestionnaireMessages.thanks(lang, m.get()));
        if (m.get().status() == MeasurementStatus.CLOSED) return Optional.of(QuestionnaireMessages.closed(lang, m.get()));
        if (m.get().status() != MeasurementStatus.OPEN || responses.draft(org, number, user).isEmpty()) return Optional.empty();
        Session s = session(org, user, lang, number);
        return Optional.of(s.state().awaitingComment() != null
                ? QuestionnaireMessages.commentForm(lang, s.measurement(), s.questionnaire(), s.state(), s.state().awaitingComment())
                : show(lang, s));
    }

    /**
     * The questionnaire message is shown anew at the end, below what the person typed, instead of changing a
     * message that has scrolled out of view; where it was, a short note replaces it, so no answer stays there.
     */
    private static List<Message> keepInView(Language lang, List<Message> replies) {
        List<Message> shown = new ArrayList<>();
        for (Message m : replies) {
            if (m.replaceKey() == null || m.repost()) {
                shown.add(m);
            } else {
                shown.add(new Message(List.of(new Block.Context(t(lang, "flow.moved"))), m.replaceKey()));
                shown.add(m.reposted());
            }
        }
        return shown;
    }

    /** The user's open questionnaires that they have not submitted, newest measurement first. */
    public List<Measurement> openFor(OrgId org, String user) {
        return measurements.openQuestionnaires(org, user).stream()
                .map(r -> measurements.measurement(org, r.measurement()).orElseThrow())
                .sorted(Comparator.comparingInt(Measurement::number).reversed())
                .toList();
    }

    /** The questionnaire the user is in the middle of (has a draft), newest first. */
    private Optional<Session> active(OrgId org, String user, Language lang) {
        for (Measurement m : openFor(org, user)) {
            Optional<Draft> draft = responses.draft(org, m.number(), user);
            if (draft.isPresent()) return Optional.of(session(org, user, lang, m.number()));
        }
        return Optional.empty();
    }

    private static String currentTheme(Session s) {
        return s.state().atReview()
                ? s.questionnaire().items().get(s.questionnaire().items().size() - 1).theme()
                : s.questionnaire().item(s.state().position()).orElseThrow().theme();
    }

    private Message show(Language lang, Session s) {
        return s.state().atReview()
                ? QuestionnaireMessages.review(lang, s.measurement(), s.questionnaire(), s.state())
                : QuestionnaireMessages.question(lang, s.measurement(), s.questionnaire(), s.state());
    }

    private Session session(OrgId org, String user, Language lang, int number) {
        Measurement m = measurements.measurement(org, number).orElseThrow(() -> new Refusal(t(lang, "flow.not.respondent")));
        Respondent r = measurements.respondent(org, number, user).orElseThrow(() -> new Refusal(t(lang, "flow.not.respondent")));
        if (r.status() == RespondentStatus.SUBMITTED) throw new Refusal(t(lang, "flow.already.submitted", m.name()));
        if (m.status() == MeasurementStatus.CLOSED) throw new Refusal(t(lang, "flow.closed", m.name()));
        if (m.status() != MeasurementStatus.OPEN) throw new Refusal(t(lang, "flow.not.started", m.name()));
        Questionnaire q = content.questionnaire(m, r.role().audience());
        Optional<Draft> draft = responses.draft(org, number, user);
        return draft.map(d -> new Session(m, r, q, DraftState.fromJson(d.state()), d.version()))
                .orElseGet(() -> new Session(m, r, q, DraftState.start(q), 0));
    }

    /**
     * Applies a change to the draft of {@code read} (the session as just read) and saves it; when another
     * write came first, reads the session afresh and tries again.
     */
    private Session update(Session read, OrgId org, String user, Language lang, int number, UnaryOperator<DraftState> change) {
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            Session s = attempt == 0 ? read : session(org, user, lang, number);
            DraftState next = change.apply(s.state());
            if (save(org, number, user, lang, next, s.version())) {
                return new Session(s.measurement(), s.respondent(), s.questionnaire(), next, s.version() + 1);
            }
        }
        // Persistent conflict: re-check closed/submitted for a precise refusal, else ask to retry.
        session(org, user, lang, number);
        throw new Refusal(t(lang, "flow.busy"));
    }

    private boolean save(OrgId org, int number, String user, Language lang, DraftState next, long version) {
        try {
            return responses.saveDraft(org, number, user, next.toJson(), version);
        } catch (DraftTooLargeException e) {
            throw new Refusal(t(lang, "flow.comments.too.long"));
        }
    }
}
