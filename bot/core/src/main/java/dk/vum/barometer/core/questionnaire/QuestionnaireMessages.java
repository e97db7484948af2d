package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Block.Button;
import dk.vum.barometer.core.chat.Block.ButtonStyle;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;
import static dk.vum.barometer.core.questionnaire.QuestionnaireActions.value;

/** The messages a respondent sees, from invitation to thanks. */
public final class QuestionnaireMessages {


    private QuestionnaireMessages() {
    }

    /** About how long a questionnaire takes, in whole five minutes: some 25 seconds a statement. */
    static int minutes(Questionnaire q) {
        return Math.max(5, (int) Math.ceil(q.items().size() * 25 / 300.0) * 5);
    }

    /** The invitation: what the barometer is, how long it takes, who sees what, and a start button. */
    public static Message invitation(Language lang, Measurement m, Questionnaire q, OrgSettings settings) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "invite.title", m.name())));
        blocks.add(new Block.Paragraph(q.intro().in(lang)));
        blocks.add(new Block.Fields(List.of(
                new Block.Field(t(lang, "invite.stage"), m.stage().label().in(lang)),
                new Block.Field(t(lang, "invite.deadline"), m.deadline().format(DAY)),
                new Block.Field(t(lang, "invite.questions"), t(lang, "invite.questions.time", q.items().size(), minutes(q))))));
        blocks.add(new Block.Paragraph(anonymity(lang, settings)));
        blocks.add(new Block.Actions(List.of(new Button(t(lang, "button.start"),
                QuestionnaireActions.START, value(m.number()), ButtonStyle.PRIMARY))));
        blocks.add(new Block.Context(t(lang, "invite.pause.hint")));
        return new Message(blocks, null);
    }

    /**
     * A reminder for someone who has not submitted: how far they got, how long is left, "Start" for someone
     * who never started and "Fortsæt" otherwise, and that answers not submitted are deleted at the close.
     *
     * @param answered how many statements the person has answered (0 when they never started)
     * @param started  whether the person has begun (has a draft)
     */
    public static Message reminder(Language lang, Measurement m, Questionnaire q, int answered, boolean started,
                                   long daysLeft) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "invite.reminder.title", m.name())));
        String progress = started ? t(lang, "reminder.progress", answered, q.items().size())
                : t(lang, "reminder.not.started", q.items().size(), minutes(q));
        String left = daysLeft <= 0 ? t(lang, "reminder.last.day", m.deadline().format(DAY))
                : t(lang, "reminder.days.left", daysLeft, m.deadline().format(DAY));
        blocks.add(new Block.Paragraph(progress + " " + left));
        blocks.add(new Block.Actions(List.of(new Button(t(lang, started ? "button.resume" : "button.start"),
                QuestionnaireActions.START, value(m.number()), ButtonStyle.PRIMARY))));
        blocks.add(new Block.Context(t(lang, "reminder.deleted.at.close")));
        return new Message(blocks, null);
    }

    /** The plain statement of who sees what. */
    public static String anonymity(Language lang, OrgSettings settings) {
        return t(lang, "invite.anonymity", settings.minGroupForScores(), settings.minGroupForComments());
    }

    public static Message question(Language lang, Measurement m, Questionnaire q, DraftState state) {
        Item item = q.item(state.position()).orElseThrow();
        int number = q.indexOf(item.id()) + 1;
        int total = q.items().size();
        Integer selected = state.answers().get(item.id());
        List<Button> choices = new ArrayList<>();
        for (ScaleOption o : q.scale().options()) {
            choices.add(choice(lang, m, item, o, selected));
        }
        choices.add(choice(lang, m, item, q.scale().dontKnow(), selected));
        String theme = themeTitle(lang, q, item);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Question(theme, item.text().in(lang), number, total,
                t(lang, "question.progress", number, total), choices,
                selected == null ? null : String.valueOf(selected),
                selected == null ? null : value(m.number(), item.id(), selected)));
        List<Button> nav = new ArrayList<>();
        if (number > 1) nav.add(Button.of(t(lang, "button.back"), QuestionnaireActions.BACK, value(m.number(), item.id())));
        nav.add(Button.of(t(lang, state.comments().containsKey(item.theme()) ? "button.comment.edit" : "button.comment"),
                QuestionnaireActions.COMMENT, value(m.number(), item.theme())));
        if (state.complete(q)) nav.add(Button.of(t(lang, "button.review"), QuestionnaireActions.REVIEW, value(m.number())));
        nav.add(Button.of(t(lang, "button.pause"), QuestionnaireActions.PAUSE, value(m.number())));
        blocks.add(new Block.Actions(nav));
        blocks.add(new Block.Context(t(lang, "question.typing.hint")));
        return new Message(blocks, QuestionnaireActions.replaceKey(m.number()));
    }

    private static Button choice(Language lang, Measurement m, Item item, ScaleOption option, Integer selected) {
        boolean chosen = selected != null && selected == option.value();
        String label = option.value() == Scale.DONT_KNOW ? option.label().in(lang) : option.value() + " " + option.label().in(lang);
        return new Button(label, QuestionnaireActions.ANSWER, value(m.number(), item.id(), option.value()),
                chosen ? ButtonStyle.PRIMARY : ButtonStyle.DEFAULT);
    }

    /** Comment form for a theme, prefilled with the comment given so far. */
    public static Message commentForm(Language lang, Measurement m, Questionnaire q, DraftState state, String themeId) {
        Theme theme = q.theme(themeId).orElseThrow();
        Block.Form form = new Block.Form(QuestionnaireActions.COMMENT, t(lang, "comment.title", theme.title().in(lang)),
                List.of(new Block.FormField(QuestionnaireActions.FIELD_COMMENT, t(lang, "comment.label"),
                        Block.FieldType.MULTILINE, false, state.comments().getOrDefault(themeId, ""), List.of(),
                        t(lang, "comment.hint"))),
                t(lang, "button.save"),
                Map.of(QuestionnaireActions.HIDDEN_MEASUREMENT, String.valueOf(m.number()),
                        QuestionnaireActions.HIDDEN_THEME, themeId));
        return new Message(List.of(form, new Block.Context(t(lang, "comment.typing.hint"))),
                QuestionnaireActions.replaceKey(m.number()));
    }

    /** All answers and comments, with submit (when complete), edit and pause. */
    public static Message review(Language lang, Measurement m, Questionnaire q, DraftState state) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "review.title", m.name())));
        for (Theme theme : q.themes()) {
            List<String> lines = new ArrayList<>();
            for (Item item : q.itemsOf(theme.id())) {
                Integer v = state.answers().get(item.id());
                String answer = v == null ? t(lang, "review.unanswered")
                        : q.scale().option(v).map(o -> o.label().in(lang)).orElse("?");
                lines.add(t(lang, "review.line", q.indexOf(item.id()) + 1, item.text().in(lang), answer));
            }
            blocks.add(new Block.Paragraph(theme.title().in(lang)));
            blocks.add(new Block.BulletList(lines));
            String comment = state.comments().get(theme.id());
            if (comment != null) blocks.add(new Block.Context(t(lang, "review.comment", comment)));
        }
        long missing = q.items().stream().filter(i -> !state.answers().containsKey(i.id())).count();
        List<Block.Option> options = q.items().stream()
                .map(i -> new Block.Option(i.id(), (q.indexOf(i.id()) + 1) + ". " + shorten(i.text().in(lang))))
                .toList();
        blocks.add(new Block.Form(QuestionnaireActions.EDIT, t(lang, "review.edit.title"),
                List.of(new Block.FormField(QuestionnaireActions.FIELD_ITEM, t(lang, "review.edit.label"),
                        Block.FieldType.SELECT, true, null, options, null)),
                t(lang, "button.edit"), Map.of(QuestionnaireActions.HIDDEN_MEASUREMENT, String.valueOf(m.number()))));
        List<Button> buttons = new ArrayList<>();
        if (missing == 0) {
            buttons.add(new Button(t(lang, "button.submit"), QuestionnaireActions.SUBMIT, value(m.number()), ButtonStyle.PRIMARY));
        }
        buttons.add(Button.of(t(lang, "button.back"), QuestionnaireActions.BACK, value(m.number(), DraftState.REVIEW)));
        buttons.add(Button.of(t(lang, "button.pause"), QuestionnaireActions.PAUSE, value(m.number())));
        blocks.add(new Block.Actions(buttons));
        blocks.add(new Block.Context(missing == 0 ? t(lang, "review.ready") : t(lang, "review.missing", missing)));
        return new Message(blocks, QuestionnaireActions.replaceKey(m.number()));
    }

    public static Message paused(Language lang, Measurement m, DraftState state, Questionnaire q) {
        return new Message(List.of(
                new Block.Paragraph(t(lang, "paused.text", m.name(), state.answers().size(), q.items().size(), m.deadline().format(DAY))),
                new Block.Actions(List.of(new Button(t(lang, "button.resume"), QuestionnaireActions.START,
                        value(m.number()), ButtonStyle.PRIMARY)))),
                QuestionnaireActions.replaceKey(m.number()));
    }

    /** Replaces the questionnaire message, so no answer stays visible in the conversation. */
    public static Message thanks(Language lang, Measurement m) {
        return new Message(List.of(new Block.Heading(t(lang, "thanks.title")),
                new Block.Paragraph(t(lang, "thanks.text", m.name()))),
                QuestionnaireActions.replaceKey(m.number()));
    }

    /** Replaces an unfinished questionnaire when its round closes: no draft answer stays on screen. */
    public static Message closed(Language lang, Measurement m) {
        return new Message(List.of(new Block.Paragraph(t(lang, "closed.notice", m.name()))),
                QuestionnaireActions.replaceKey(m.number()));
    }

    private static String themeTitle(Language lang, Questionnaire q, Item item) {
        return q.theme(item.theme()).map(th -> th.title().in(lang)).orElse("");
    }

    private static String shorten(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "…";
    }
}
