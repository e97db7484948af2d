package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Block.Button;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.Measurement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.t;
import static dk.vum.barometer.core.questionnaire.QuestionnaireActions.parts;

/**
 * Translates a respondent's buttons, forms and words into steps of the {@link RespondentFlow},
 * refusing anything malformed with a clear message.
 */
public final class RespondentActions {

    private final RespondentFlow flow;

    public RespondentActions(RespondentFlow flow) {
        this.flow = flow;
    }

    public List<Message> button(Caller c, String action, String value) {
        OrgId org = c.org();
        String user = c.userId();
        Language lang = c.language();
        List<String> p = parts(value);
        int m = number(lang, p);
        return switch (action) {
            case QuestionnaireActions.START -> flow.start(org, user, lang, m);
            case QuestionnaireActions.ANSWER -> flow.answer(org, user, lang, m, part(lang, p, 1), answerValue(lang, part(lang, p, 2)));
            case QuestionnaireActions.BACK -> flow.back(org, user, lang, m, part(lang, p, 1));
            case QuestionnaireActions.PAUSE -> flow.pause(org, user, lang, m);
            case QuestionnaireActions.COMMENT -> flow.requestComment(org, user, lang, m, part(lang, p, 1));
            case QuestionnaireActions.REVIEW -> flow.review(org, user, lang, m);
            case QuestionnaireActions.SUBMIT -> flow.submit(org, user, lang, m);
            default -> throw new Refusal(t(lang, "error.unknown.action"));
        };
    }

    public List<Message> form(Caller c, String formId, Map<String, String> values) {
        Language lang = c.language();
        int m = number(lang, List.of(values.getOrDefault(QuestionnaireActions.HIDDEN_MEASUREMENT, "")));
        return switch (formId) {
            case QuestionnaireActions.COMMENT -> flow.comment(c.org(), c.userId(), lang, m,
                    values.getOrDefault(QuestionnaireActions.HIDDEN_THEME, ""), values.get(QuestionnaireActions.FIELD_COMMENT));
            case QuestionnaireActions.EDIT -> flow.edit(c.org(), c.userId(), lang, m,
                    values.getOrDefault(QuestionnaireActions.FIELD_ITEM, ""));
            default -> throw new Refusal(t(lang, "error.unknown.action"));
        };
    }

    /** Typed text in a direct conversation that belongs to a questionnaire under way, if any. */
    public Optional<List<Message>> typed(Caller c, String text) {
        if (text.isEmpty()) return Optional.empty();
        return flow.typed(c.org(), c.userId(), c.language(), text);
    }

    /** "besvar [nr]": resume the given or only open questionnaire, or list them to choose from. */
    public List<Message> resume(Caller c, CommandLine line) {
        Language lang = c.language();
        if (!line.numbers().isEmpty()) return flow.start(c.org(), c.userId(), lang, line.numbers().get(0));
        List<Measurement> open = flow.openFor(c.org(), c.userId());
        if (open.isEmpty()) return List.of(Message.text(t(lang, "resume.none")));
        if (open.size() == 1) return flow.start(c.org(), c.userId(), lang, open.get(0).number());
        List<Button> buttons = open.stream()
                .map(m -> Button.of(m.name(), QuestionnaireActions.START, String.valueOf(m.number()))).toList();
        return List.of(Message.of(new Block.Paragraph(t(lang, "resume.choose")), new Block.Actions(buttons)));
    }

    public List<Message> pause(Caller c, CommandLine line) {
        Language lang = c.language();
        List<Measurement> open = flow.openFor(c.org(), c.userId());
        Optional<Integer> number = line.numbers().stream().findFirst()
                .or(() -> open.stream().findFirst().map(Measurement::number));
        if (number.isEmpty()) return List.of(Message.text(t(lang, "resume.none")));
        return flow.pause(c.org(), c.userId(), lang, number.get());
    }

    private static int number(Language lang, List<String> p) {
        try {
            return Integer.parseInt(p.get(0));
        } catch (RuntimeException e) {
            throw new Refusal(t(lang, "error.unknown.action"));
        }
    }

    private static String part(Language lang, List<String> p, int index) {
        if (index >= p.size() || p.get(index).isEmpty()) throw new Refusal(t(lang, "error.unknown.action"));
        return p.get(index);
    }

    private static int answerValue(Language lang, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Refusal(t(lang, "flow.bad.answer"));
        }
    }
}
