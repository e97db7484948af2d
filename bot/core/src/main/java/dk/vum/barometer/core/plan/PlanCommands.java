package dk.vum.barometer.core.plan;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.model.CoursePhase;
import dk.vum.barometer.core.model.NewActivity;
import dk.vum.barometer.core.store.ActivityStore;
import dk.vum.barometer.core.teams.TeamChannel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The team's activity plan (seed 002, 3.6: what, when, who takes part, who is responsible), with the
 * course phase of each activity (seed 001): "plan [#kanal]", "plan tilføj …", "plan færdig <nr>",
 * "plan start" for the guide's example activities in one step.
 */
public final class PlanCommands {

    public static final String PREFIX = "plan.";
    public static final String DONE = PREFIX + "done";
    public static final String ADD_FORM = PREFIX + "add";
    static final String F_TITLE = "title";
    static final String F_DUE = "due";
    static final String F_RESPONSIBLE = "responsible";
    static final String F_PARTICIPANTS = "participants";
    static final String F_PHASE = "phase";
    static final String F_CHANNEL = "channel";
    static final int MAX_TITLE = 200;
    private static final List<String> ADD_WORDS = List.of("tilføj", "tilfoej", "add", "ny", "new");
    private static final List<String> DONE_WORDS = List.of("færdig", "faerdig", "done", "luk", "close");
    private static final List<String> START_WORDS = List.of("start", "startplan", "starter");

    private final ActivityStore activities;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public PlanCommands(ActivityStore activities, Directory directory, Clock clock, ZoneId zone) {
        this.activities = activities;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public List<Message> handle(Caller c, CommandLine line) {
        String first = line.args().isEmpty() ? "" : line.args().get(0).toLowerCase(Locale.ROOT);
        if (ADD_WORDS.contains(first)) return add(c, line);
        if (DONE_WORDS.contains(first)) return done(c, line.numbers().stream().findFirst());
        if (START_WORDS.contains(first)) return starter(c, line);
        return List.of(list(c, TeamChannel.of(c, line)));
    }

    // ---- list -----------------------------------------------------------------------------------

    private Message list(Caller c, String channel) {
        Language lang = c.language();
        List<Activity> all = activities.activities(c.org(), channel);
        List<Block> blocks = new ArrayList<>(List.of(new Block.Heading(t(lang, "plan.title", "#" + channel))));
        if (all.isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "plan.empty")));
        } else {
            blocks.add(new Block.BulletList(all.stream().map(a -> line(c, a)).toList()));
        }
        blocks.add(new Block.Context(t(lang, "plan.usage")));
        return new Message(blocks, null);
    }

    private String line(Caller c, Activity a) {
        Language lang = c.language();
        String status = a.isDone() ? t(lang, "plan.status.done", a.doneOn().format(DAY))
                : a.due().isBefore(today()) ? t(lang, "plan.status.overdue") : t(lang, "plan.status.open");
        return t(lang, "plan.line", a.number(), a.title(), a.due().format(DAY), directory.name(c.org(), a.responsible()),
                a.participants() == null ? t(lang, "none") : a.participants(), status, phase(lang, a.phase()));
    }

    public static String phase(Language lang, CoursePhase p) {
        return t(lang, "phase." + p.name());
    }

    // ---- add ------------------------------------------------------------------------------------

    /** "plan tilføj "Temadag" 15-01-2027 @lars [#kanal] [fase]"; without more, a form. */
    private List<Message> add(Caller c, CommandLine line) {
        Language lang = c.language();
        List<String> rest = line.args().subList(1, line.args().size());
        if (rest.isEmpty()) return List.of(form(c));
        CommandLine args = new CommandLine(line.word(), rest);
        String channel = TeamChannel.of(c, args);
        Optional<CoursePhase> phase = args.words().stream().map(CoursePhase::parse).flatMap(Optional::stream).findFirst();
        List<String> titleWords = args.words().stream().filter(w -> CoursePhase.parse(w).isEmpty()).toList();
        if (titleWords.isEmpty() || args.date().isEmpty() || args.mentions().size() != 1) throw new Refusal(t(lang, "plan.add.usage"));
        return List.of(added(c, create(c, channel, String.join(" ", titleWords), args.date().get(),
                args.mentions().get(0), null, phase.orElse(CoursePhase.FORBEREDELSE))));
    }

    public List<Message> addFromForm(Caller c, Map<String, String> values) {
        Language lang = c.language();
        String title = values.getOrDefault(F_TITLE, "").strip();
        Optional<LocalDate> due = CommandLine.parseDate(values.get(F_DUE));
        List<String> responsible = Arrays.stream(values.getOrDefault(F_RESPONSIBLE, "").split("[,\\s]+"))
                .map(s -> s.startsWith("@") ? s.substring(1) : s).filter(s -> !s.isBlank()).toList();
        String channelValue = values.getOrDefault(F_CHANNEL, "").strip();
        String channel = channelValue.startsWith("#") ? channelValue.substring(1) : channelValue;
        if (title.isEmpty() || due.isEmpty() || responsible.size() != 1 || channel.isEmpty()) throw new Refusal(t(lang, "form.incomplete"));
        AccessPolicy.checkChannel(c, channel);
        String participants = values.getOrDefault(F_PARTICIPANTS, "").strip();
        return List.of(added(c, create(c, channel, title, due.get(), responsible.get(0),
                participants.isEmpty() ? null : participants,
                CoursePhase.parse(values.get(F_PHASE)).orElse(CoursePhase.FORBEREDELSE))));
    }

    private Activity create(Caller c, String channel, String title, LocalDate due, String responsible,
                            String participants, CoursePhase phase) {
        Language lang = c.language();
        if (title.length() > MAX_TITLE || (participants != null && participants.length() > MAX_TITLE)) {
            throw new Refusal(t(lang, "plan.title.too.long", MAX_TITLE));
        }
        if (due.isBefore(today())) throw new Refusal(t(lang, "plan.bad.date"));
        return activities.addActivities(c.org(), List.of(new NewActivity(channel, title, due, responsible, participants,
                phase, c.userId()))).get(0);
    }

    private Message added(Caller c, Activity a) {
        Language lang = c.language();
        return Message.of(new Block.Paragraph(t(lang, "plan.added", a.number(), a.title(), "#" + a.channelId())),
                new Block.Context(line(c, a)));
    }

    private Message form(Caller c) {
        Language lang = c.language();
        List<Block.Option> phases = Arrays.stream(CoursePhase.values())
                .map(p -> new Block.Option(p.name().toLowerCase(Locale.ROOT), phase(lang, p))).toList();
        String here = c.address().direct() ? null : c.address().conversationId();
        return Message.of(new Block.Form(ADD_FORM, t(lang, "plan.form.title"), List.of(
                new Block.FormField(F_TITLE, t(lang, "plan.form.what"), Block.FieldType.TEXT, true, null, null, null),
                new Block.FormField(F_DUE, t(lang, "plan.form.when"), Block.FieldType.DATE, true, null, null, null),
                new Block.FormField(F_RESPONSIBLE, t(lang, "plan.form.responsible"), Block.FieldType.USERS, true, null, null, null),
                new Block.FormField(F_PARTICIPANTS, t(lang, "plan.form.participants"), Block.FieldType.TEXT, false, null, null, null),
                new Block.FormField(F_PHASE, t(lang, "plan.form.phase"), Block.FieldType.SELECT, true, "forberedelse", phases, null),
                new Block.FormField(F_CHANNEL, t(lang, "plan.form.channel"), Block.FieldType.CHANNEL, true, here, null, null)),
                t(lang, "plan.form.submit"), Map.of()));
    }

    // ---- done -----------------------------------------------------------------------------------

    /** "plan færdig 3", or the button on a reminder: the team's leaders, or the one responsible. */
    public List<Message> done(Caller c, Optional<Integer> number) {
        Language lang = c.language();
        int n = number.orElseThrow(() -> new Refusal(t(lang, "plan.done.usage")));
        Activity a = activities.activity(c.org(), n).orElseThrow(() -> new Refusal(t(lang, "plan.unknown", n)));
        if (!a.responsible().equals(c.userId())) AccessPolicy.checkChannel(c, a.channelId());
        if (!activities.completeActivity(c.org(), n, today())) return List.of(Message.text(t(lang, "plan.already.done", n, a.title())));
        return List.of(Message.text(t(lang, "plan.done", n, a.title())));
    }

    public List<Message> button(Caller c, String action, String value) {
        if (!DONE.equals(action)) throw new Refusal(t(c.language(), "error.unknown.action"));
        return done(c, CommandLine.parseNumber(value));
    }

    // ---- starter plan ---------------------------------------------------------------------------

    /**
     * The example activities of seed 002 (3.6 and 3.7), spread over the course's phases, with the caller
     * responsible; they edit nothing already planned.
     */
    private List<Message> starter(Caller c, CommandLine line) {
        Language lang = c.language();
        String channel = TeamChannel.of(c, new CommandLine(line.word(), line.args().subList(1, line.args().size())));
        LocalDate start = today();
        List<NewActivity> plan = new ArrayList<>();
        for (StarterActivity s : StarterActivity.values()) {
            plan.add(new NewActivity(channel, t(lang, "plan.starter." + s.name()), start.plusWeeks(s.weeks),
                    c.userId(), t(lang, "plan.starter.participants." + s.name()), s.phase, c.userId()));
        }
        activities.addActivities(c.org(), plan);
        return List.of(Message.text(t(lang, "plan.starter.added", plan.size(), "#" + channel)), list(c, channel));
    }

    private enum StarterActivity {
        INFO_DEPARTMENTS(2, CoursePhase.PLANLAEGNING),
        INFO_POLITICIANS(3, CoursePhase.PLANLAEGNING),
        TRAINING(6, CoursePhase.FORBEREDELSE),
        SUPERUSERS(8, CoursePhase.FORBEREDELSE),
        ROUNDUP(12, CoursePhase.UDVIKLING),
        SEMINAR(26, CoursePhase.FORANKRING);

        final int weeks;
        final CoursePhase phase;

        StarterActivity(int weeks, CoursePhase phase) {
            this.weeks = weeks;
            this.phase = phase;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
