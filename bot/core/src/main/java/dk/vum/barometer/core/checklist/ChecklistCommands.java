package dk.vum.barometer.core.checklist;

import dk.vum.barometer.content.ChecklistArea;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.ChecklistAnswer;
import dk.vum.barometer.core.model.ChecklistVerdict;
import dk.vum.barometer.core.model.CoursePhase;
import dk.vum.barometer.core.model.NewActivity;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.store.ActivityStore;
import dk.vum.barometer.core.store.ChecklistAnswerStore;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.teams.TeamChannel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The implementation checklist as the team's own status: "tjekliste" lists the areas, "tjekliste 3 #team"
 * posts area 3 to a channel with answer buttons, "tjekliste alle #team [frist]" posts all (with a due date,
 * a checklist round: an activity in the plan, reminded like the others). The implementation group answers
 * in the channel, not anonymously; "tjekliste status" shows the latest answer per area.
 */
public final class ChecklistCommands {

    public static final String PREFIX = "checklist.";
    public static final String ANSWER = PREFIX + "answer";
    public static final String NOTE_FORM = PREFIX + "note";
    static final String F_AREA = "area";
    static final String F_VERDICT = "verdict";
    static final String F_NOTE = "note";
    static final String F_STEP = "step";
    static final String F_DUE = "due";
    static final int MAX_NOTE = 1000;
    /** A next step without a date is due in two weeks: by the next round-up, give or take. */
    static final int STEP_DAYS = 14;

    private final ContentRepository content;
    private final OutboxStore outbox;
    private final ChecklistAnswerStore answers;
    private final ActivityStore activities;
    private final ImplementationGroup group;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public ChecklistCommands(ContentRepository content, OutboxStore outbox, ChecklistAnswerStore answers,
                             ActivityStore activities, MeasurementStore measurements, Directory directory,
                             Clock clock, ZoneId zone) {
        this.content = content;
        this.outbox = outbox;
        this.answers = answers;
        this.activities = activities;
        this.group = new ImplementationGroup(measurements);
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public List<Message> handle(Caller c, CommandLine line) {
        Language lang = c.language();
        if (line.words().stream().anyMatch(w -> w.equalsIgnoreCase("status"))) return status(c, line);
        List<ChecklistArea> areas = selected(c, line);
        String channel = line.channels().stream().findFirst()
                .orElse(c.address().direct() || areas.isEmpty() ? null : c.address().conversationId());
        if (areas.isEmpty()) return List.of(overview(lang));
        if (channel == null) return areas.stream().map(a -> prompt(lang, a)).toList();
        AccessPolicy.checkChannel(c, channel);
        Optional<LocalDate> due = line.date();
        if (due.isPresent() && due.get().isBefore(today())) throw new Refusal(t(lang, "new.deadline.past"));
        String minute = Outbox.minute(clock);
        List<OutboxMessage> posts = new ArrayList<>();
        for (ChecklistArea a : areas) {
            posts.add(Outbox.message(c.org(), new Destination.Channel(channel), answerable(lang, a, due),
                    "checklist:" + a.id() + ":" + channel + ":" + minute));
        }
        outbox.enqueue(posts);
        List<Message> replies = new ArrayList<>(List.of(Message.text(t(lang, "checklist.posted", areas.size(), "#" + channel))));
        due.ifPresent(d -> {
            int n = activities.addActivities(c.org(), List.of(new NewActivity(channel, t(lang, "checklist.round.activity"),
                    d, c.userId(), t(lang, "checklist.round.participants"), CoursePhase.FORANKRING, c.userId()))).get(0).number();
            replies.add(Message.text(t(lang, "checklist.round.planned", d.format(DAY), n)));
        });
        return replies;
    }

    // ---- answered in the channel ----------------------------------------------------------------

    /** A press on an answer button: recorded at once, under the name of the one who pressed it. */
    public List<Message> button(Caller c, String action, String value) {
        Language lang = c.language();
        if (!ANSWER.equals(action)) throw new Refusal(t(lang, "error.unknown.action"));
        String[] parts = value == null ? new String[0] : value.split("\\|");
        if (parts.length != 2) throw new Refusal(t(lang, "error.unknown.action"));
        ChecklistArea area = area(c, CommandLine.parseNumber(parts[0]));
        ChecklistVerdict verdict = ChecklistVerdict.parse(parts[1]).orElseThrow(() -> new Refusal(t(lang, "error.unknown.action")));
        String channel = answeringChannel(c);
        answers.recordAnswer(c.org(), new ChecklistAnswer(channel, area.number(), verdict, null, c.userId(), now()));
        return List.of(new Message(List.of(
                new Block.Paragraph(t(lang, "checklist.answered", directory.name(c.org(), c.userId()),
                        t(lang, "checklist.verdict." + verdict.name()), area.number(), area.title().in(lang))),
                noteForm(lang, area, verdict)), null));
    }

    /** The note and next step added to an answer: the answer is recorded again with its note. */
    public List<Message> form(Caller c, String formId, Map<String, String> values) {
        Language lang = c.language();
        if (!NOTE_FORM.equals(formId)) throw new Refusal(t(lang, "error.unknown.action"));
        ChecklistArea area = area(c, CommandLine.parseNumber(values.get(F_AREA)));
        ChecklistVerdict verdict = ChecklistVerdict.parse(values.get(F_VERDICT)).orElseThrow(() -> new Refusal(t(lang, "form.incomplete")));
        String note = blankToNull(values.get(F_NOTE));
        String step = blankToNull(values.get(F_STEP));
        if ((note != null && note.length() > MAX_NOTE) || (step != null && step.length() > MAX_NOTE)) {
            throw new Refusal(t(lang, "checklist.note.too.long", MAX_NOTE));
        }
        String dueText = blankToNull(values.get(F_DUE));
        Optional<LocalDate> due = dueText == null ? Optional.of(today().plusDays(STEP_DAYS)) : CommandLine.parseDate(dueText);
        if (due.isEmpty() || due.get().isBefore(today())) throw new Refusal(t(lang, "plan.bad.date"));
        String channel = answeringChannel(c);
        answers.recordAnswer(c.org(), new ChecklistAnswer(channel, area.number(), verdict, note, c.userId(), now()));
        List<Block> blocks = new ArrayList<>(List.of(new Block.Paragraph(t(lang, "checklist.noted", area.number()))));
        if (step != null) {
            int n = activities.addActivities(c.org(), List.of(new NewActivity(channel, step, due.get(), c.userId(), null,
                    CoursePhase.UDVIKLING, c.userId()))).get(0).number();
            blocks.add(new Block.Context(t(lang, "checklist.step.added", n, due.get().format(DAY))));
        }
        return List.of(new Message(blocks, null));
    }

    /** The channel the answer is given in: only there, and only by the team's implementation group. */
    private String answeringChannel(Caller c) {
        if (c.address().direct()) throw new Refusal(t(c.language(), "checklist.answer.in.channel"));
        String channel = c.address().conversationId();
        if (!group.includes(c, channel)) throw new Refusal(t(c.language(), "checklist.answer.group.only"));
        return channel;
    }

    private static Block noteForm(Language lang, ChecklistArea area, ChecklistVerdict verdict) {
        return new Block.Form(NOTE_FORM, t(lang, "checklist.note.title"), List.of(
                new Block.FormField(F_NOTE, t(lang, "checklist.note.label"), Block.FieldType.MULTILINE, false, null, null, null),
                new Block.FormField(F_STEP, t(lang, "checklist.step.label"), Block.FieldType.TEXT, false, null, null,
                        t(lang, "checklist.step.hint")),
                new Block.FormField(F_DUE, t(lang, "checklist.due.label"), Block.FieldType.DATE, false, null, null, null)),
                t(lang, "checklist.note.submit"),
                Map.of(F_AREA, String.valueOf(area.number()), F_VERDICT, verdict.name()));
    }

    // ---- status ---------------------------------------------------------------------------------

    /** The latest answer per area, who gave it and when, and what it was before. */
    private List<Message> status(Caller c, CommandLine line) {
        Language lang = c.language();
        String channel = TeamChannel.of(c, line);
        List<ChecklistAnswer> all = answers.answers(c.org(), channel);
        List<String> lines = new ArrayList<>();
        for (ChecklistArea area : content.checklist().areas()) {
            List<ChecklistAnswer> ofArea = all.stream().filter(a -> a.areaNumber() == area.number()).toList();
            String head = area.number() + ". " + area.title().in(lang) + ": ";
            if (ofArea.isEmpty()) {
                lines.add(head + t(lang, "checklist.status.none"));
                continue;
            }
            ChecklistAnswer latest = ofArea.get(ofArea.size() - 1);
            StringBuilder sb = new StringBuilder(head).append(t(lang, "checklist.status.line",
                    t(lang, "checklist.verdict." + latest.verdict().name()), directory.name(c.org(), latest.answeredBy()),
                    latest.answeredAt().atZone(zone).toLocalDate().format(DAY)));
            ofArea.stream().filter(a -> a.verdict() != latest.verdict()).reduce((a, b) -> b).ifPresent(before ->
                    sb.append(' ').append(t(lang, "checklist.status.before", t(lang, "checklist.verdict." + before.verdict().name()))));
            ofArea.stream().map(ChecklistAnswer::note).filter(n -> n != null).reduce((a, b) -> b)
                    .ifPresent(note -> sb.append(" – ").append(note));
            lines.add(sb.toString());
        }
        return List.of(Message.of(new Block.Heading(t(lang, "checklist.status.title", "#" + channel)),
                new Block.BulletList(lines), new Block.Context(t(lang, "checklist.not.anonymous"))));
    }

    // ---- listing and prompts --------------------------------------------------------------------

    private List<ChecklistArea> selected(Caller c, CommandLine line) {
        List<ChecklistArea> all = content.checklist().areas();
        boolean everything = line.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(w -> w.equals("alle") || w.equals("all"));
        if (everything) return all;
        List<ChecklistArea> chosen = new ArrayList<>();
        for (int n : line.numbers()) chosen.add(area(c, Optional.of(n)));
        return chosen;
    }

    private ChecklistArea area(Caller c, Optional<Integer> number) {
        int n = number.orElseThrow(() -> new Refusal(t(c.language(), "error.unknown.action")));
        return content.checklist().area(n).orElseThrow(() -> new Refusal(t(c.language(), "checklist.unknown", n)));
    }

    private Message overview(Language lang) {
        List<String> lines = content.checklist().areas().stream()
                .map(a -> a.number() + ". " + a.checkQuestion().in(lang)).toList();
        return Message.of(new Block.Heading(t(lang, "checklist.title")), new Block.BulletList(lines),
                new Block.Context(t(lang, "checklist.usage")));
    }

    /**
     * The prompt with answer buttons, for a team channel. The buttons carry the area and the answer only:
     * who answers is whoever presses, so one card serves every member of the group.
     */
    private static Message answerable(Language lang, ChecklistArea area, Optional<LocalDate> due) {
        List<Block> blocks = new ArrayList<>(prompt(lang, area).blocks());
        Block source = blocks.remove(blocks.size() - 1);
        blocks.add(new Block.Paragraph(t(lang, "checklist.answer.ask")));
        List<Block.Button> buttons = new ArrayList<>();
        for (ChecklistVerdict v : ChecklistVerdict.values()) {
            buttons.add(Block.Button.of(t(lang, "checklist.verdict." + v.name()), ANSWER, area.number() + "|" + v.name()));
        }
        blocks.add(new Block.Actions(buttons));
        due.ifPresent(d -> blocks.add(new Block.Context(t(lang, "checklist.round.due", d.format(DAY)))));
        blocks.add(new Block.Context(t(lang, "checklist.not.anonymous")));
        blocks.add(source);
        return new Message(blocks, null);
    }

    /** One check question with its reflection questions, for a team meeting. */
    public static Message prompt(Language lang, ChecklistArea area) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "checklist.prompt.title", area.number(), area.checkQuestion().in(lang))));
        blocks.add(new Block.Paragraph(t(lang, "checklist.reflection")));
        blocks.add(new Block.BulletList(texts(lang, area.reflectionQuestions())));
        if (!area.guideChecklist().isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "checklist.guide")));
            blocks.add(new Block.BulletList(texts(lang, area.guideChecklist())));
        }
        blocks.add(new Block.Context(t(lang, "checklist.source")));
        return new Message(blocks, null);
    }

    private static List<String> texts(Language lang, List<Text> texts) {
        return texts.stream().map(x -> x.in(lang)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
