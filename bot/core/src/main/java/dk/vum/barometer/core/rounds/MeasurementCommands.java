package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.access.Reachability;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/** The coordinator's round commands: new, list, add, start, status, remind, close, repeat. */
public final class MeasurementCommands {

    public static final int MAX_NAME_LENGTH = 120;
    /** The button that confirms closing a round; its value is the measurement's number. */
    public static final String CLOSE_ACTION = "m.close";

    private final OrganisationStore organisations;
    private final MeasurementStore measurements;
    private final OutboxStore outbox;
    private final ContentRepository content;
    private final Invitations invitations;
    private final Directory directory;
    private final Reachability reachability;
    private final RoundCloser closer;
    private final Clock clock;
    private final ZoneId zone;

    public MeasurementCommands(OrganisationStore organisations, MeasurementStore measurements, OutboxStore outbox,
                               ContentRepository content, Invitations invitations, RoundCloser closer, Directory directory, Reachability reachability, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.measurements = measurements;
        this.outbox = outbox;
        this.content = content;
        this.invitations = invitations;
        this.directory = directory;
        this.reachability = reachability;
        this.closer = closer;
        this.clock = clock;
        this.zone = zone;
    }

    // ---- new ------------------------------------------------------------------------------------

    public List<Message> create(Caller c, CommandLine line) {
        Language lang = c.language();
        if (line.args().isEmpty()) return List.of(RoundForms.newMeasurement(lang));
        Optional<Stage> stage = line.args().stream().map(Stage::parse).flatMap(Optional::stream).findFirst();
        Optional<LocalDate> deadline = line.date();
        String channel = line.channels().stream().findFirst().orElse(null);
        List<String> nameWords = new ArrayList<>();
        boolean stageSkipped = false;
        for (String a : line.args()) {
            if (!stageSkipped && Stage.parse(a).isPresent()) {
                stageSkipped = true;
            } else if (!a.startsWith("#") && !a.startsWith("@") && !CommandLine.looksLikeDate(a)) {
                nameWords.add(a);
            }
        }
        if (stage.isEmpty() || deadline.isEmpty() || nameWords.isEmpty()) {
            // The form starts from what was typed, so nothing has to be typed twice.
            String usage = line.badDate().map(d -> t(lang, "date.invalid", d)).orElse(t(lang, "new.usage"));
            Message form = RoundForms.newMeasurement(lang, String.join(" ", nameWords),
                    stage.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null), channel);
            throw new Refusal(new Message(List.of(new Block.Paragraph(usage), form.blocks().get(0)), null));
        }
        return List.of(createdMessage(lang, create(c, String.join(" ", nameWords), stage.get(), deadline.get(), channel)));
    }

    public List<Message> createFromForm(Caller c, Map<String, String> values) {
        Language lang = c.language();
        String name = values.getOrDefault(RoundForms.F_NAME, "").strip();
        Optional<Stage> stage = Stage.parse(values.get(RoundForms.F_STAGE));
        Optional<LocalDate> deadline = CommandLine.parseDate(values.get(RoundForms.F_DEADLINE));
        String channel = RoundForms.channel(values).orElse(null);
        if (name.isEmpty() || stage.isEmpty() || deadline.isEmpty()) {
            Message form = RoundForms.newMeasurement(lang, name, stage.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null), channel);
            throw new Refusal(new Message(List.of(new Block.Paragraph(t(lang, "form.incomplete")), form.blocks().get(0)), null));
        }
        return List.of(createdMessage(lang, create(c, name, stage.get(), deadline.get(), channel)));
    }

    private Measurement create(Caller c, String name, Stage stage, LocalDate deadline, String channel) {
        Language lang = c.language();
        if (name.length() > MAX_NAME_LENGTH) throw new Refusal(t(lang, "new.name.too.long", MAX_NAME_LENGTH));
        if (deadline.isBefore(today())) throw Refusal.onField(RoundForms.F_DEADLINE, t(lang, "new.deadline.past"));
        return measurements.createMeasurement(new NewMeasurement(c.org(), name, stage, deadline, channel, null,
                content.pin(stage), c.userId(), today()));
    }

    private static Message createdMessage(Language lang, Measurement m) {
        return Message.of(new Block.Paragraph(t(lang, "new.created", m.number(), m.name(), m.stage().label().in(lang),
                        m.deadline().format(DAY), m.resultsChannel() == null ? t(lang, "none") : "#" + m.resultsChannel())),
                new Block.Context(t(lang, "new.next", m.number())));
    }

    // ---- list -----------------------------------------------------------------------------------

    public List<Message> list(Caller c) {
        Language lang = c.language();
        List<Measurement> all = measurements.measurements(c.org()).stream().filter(m -> AccessPolicy.sees(c, m)).toList();
        if (all.isEmpty()) return List.of(Message.text(t(lang, "list.empty")));
        List<String> lines = all.stream().map(m -> RoundTexts.listLine(lang, m)).toList();
        return List.of(Message.of(new Block.Heading(t(lang, "list.title")), new Block.BulletList(lines)));
    }

    // ---- add respondents ------------------------------------------------------------------------

    public List<Message> add(Caller c, CommandLine line) {
        Language lang = c.language();
        List<Measurement> notClosed = measurements.measurements(c.org()).stream().filter(m -> !m.isClosed()).toList();
        if (line.args().isEmpty()) {
            if (notClosed.isEmpty()) throw new Refusal(t(lang, "add.none.open"));
            return List.of(RoundForms.addRespondents(lang, notClosed, notClosed.get(0).number()));
        }
        Measurement m = measurement(c, line);
        Optional<RespondentRole> role = line.words().stream().map(RespondentRole::parse).flatMap(Optional::stream).findFirst();
        if (role.isEmpty() || line.mentions().isEmpty()) throw new Refusal(t(lang, "add.usage"));
        return List.of(register(c, m, role.get(), line.mentions()));
    }

    public List<Message> addFromForm(Caller c, Map<String, String> values) {
        Language lang = c.language();
        Optional<Integer> number = CommandLine.parseNumber(values.get(RoundForms.F_MEASUREMENT));
        Optional<RespondentRole> role = RespondentRole.parse(values.get(RoundForms.F_ROLE));
        List<String> users = RoundForms.people(values);
        if (number.isEmpty() || role.isEmpty() || users.isEmpty()) throw new Refusal(t(lang, "form.incomplete"));
        return List.of(register(c, measurement(c, number), role.get(), users));
    }

    private Message register(Caller c, Measurement m, RespondentRole role, List<String> users) {
        Language lang = c.language();
        if (m.isClosed()) throw new Refusal(t(lang, "measurement.closed", m.number()));
        if (users.size() > 5000) throw new Refusal(t(lang, "add.too.many"));
        Map<String, RespondentRole> byUser = new LinkedHashMap<>();
        users.forEach(u -> byUser.put(u, role));
        // Invitations are built for everyone asked for; the store queues them only for those it adds, and
        // only if the round is running by then, in the same transaction.
        List<Respondent> asked = byUser.keySet().stream()
                .map(u -> new Respondent(c.org(), m.number(), u, role, RespondentStatus.INVITED)).toList();
        List<String> added = measurements.addRespondents(c.org(), m.number(), byUser, invitations.invitations(m, asked));
        List<String> skipped = users.stream().filter(u -> !added.contains(u)).distinct().toList();
        List<Block> blocks = new ArrayList<>();
        String roleWord = t(lang, (added.size() == 1 ? "role.one." : "role.plural.") + role.name());
        blocks.add(new Block.Paragraph(t(lang, "add.done", added.size(), roleWord, m.number(), m.name())));
        if (!added.isEmpty()) blocks.add(new Block.Context(directory.names(c.org(), added)));
        if (!skipped.isEmpty()) blocks.add(new Block.Context(t(lang, "add.skipped", directory.names(c.org(), skipped))));
        blocks.add(new Block.Context(t(lang, m.isOpen() ? "add.invited.now" : "add.next", m.number())));
        unreachableNote(c, m, added).ifPresent(blocks::add);
        return new Message(blocks, null);
    }

    // ---- undo: remove, rename, delete, deadline ----------------------------------------------------

    /** "fjern 3 @anna": unregisters people before the start; after it nobody is removed (it would tell who answered). */
    public List<Message> remove(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        if (line.mentions().isEmpty()) throw new Refusal(t(lang, "remove.usage"));
        if (m.status() != MeasurementStatus.DRAFT) throw new Refusal(t(lang, "remove.started", m.number()));
        List<String> removed = line.mentions().stream().distinct().filter(u -> measurements.removeRespondent(c.org(), m.number(), u)).toList();
        List<String> notThere = line.mentions().stream().distinct().filter(u -> !removed.contains(u)).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(t(lang, "remove.done", removed.size(), m.number(), m.name())));
        if (!removed.isEmpty()) blocks.add(new Block.Context(directory.names(c.org(), removed)));
        if (!notThere.isEmpty()) blocks.add(new Block.Context(t(lang, "remove.not.registered", directory.names(c.org(), notThere))));
        return List.of(new Message(blocks, null));
    }

    /** "omdøb 3 "Nyt navn"": before the start only, since invitations name the measurement. */
    public List<Message> rename(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        String name = String.join(" ", line.words()).strip();
        if (name.isEmpty()) throw new Refusal(t(lang, "rename.usage", m.number()));
        if (name.length() > MAX_NAME_LENGTH) throw new Refusal(t(lang, "new.name.too.long", MAX_NAME_LENGTH));
        if (!measurements.rename(c.org(), m.number(), name)) throw new Refusal(t(lang, "draft.only", m.number()));
        return List.of(Message.text(t(lang, "rename.done", m.number(), name)));
    }

    /** "slet 3": a measurement that has not started, with its registrations; nobody was told of it yet. */
    public List<Message> delete(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        if (!measurements.deleteDraft(c.org(), m.number())) throw new Refusal(t(lang, "draft.only", m.number()));
        return List.of(Message.text(t(lang, "delete.done", m.number(), m.name())));
    }

    /** "frist 3 20-12-2026": a new deadline for a round that is not closed (a running one closes then instead). */
    public List<Message> deadline(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        line.badDate().ifPresent(d -> {
            throw new Refusal(t(lang, "date.invalid", d));
        });
        LocalDate deadline = line.date().orElseThrow(() -> new Refusal(t(lang, "deadline.usage", m.number())));
        if (deadline.isBefore(today())) throw new Refusal(t(lang, "new.deadline.past"));
        if (!measurements.changeDeadline(c.org(), m.number(), deadline)) throw new Refusal(t(lang, "measurement.closed", m.number()));
        return List.of(Message.text(t(lang, "deadline.done", m.number(), m.name(), deadline.format(DAY))));
    }

    // ---- start / close --------------------------------------------------------------------------

    public List<Message> start(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        if (m.status() != MeasurementStatus.DRAFT) throw new Refusal(t(lang, "start.not.draft", m.number()));
        List<Respondent> registered = measurements.respondents(c.org(), m.number());
        if (registered.isEmpty()) throw new Refusal(t(lang, "start.no.respondents", m.number()));
        if (!measurements.open(c.org(), m.number(), today(), organisations.settings(c.org()), invitations.invitations(m, registered))) {
            throw new Refusal(t(lang, "start.not.draft", m.number()));
        }
        List<Block> blocks = new ArrayList<>(List.of(new Block.Paragraph(t(lang, "start.done", m.number(), m.name(), registered.size())),
                new Block.Context(t(lang, "start.next", m.number()))));
        unreachableNote(c, m, registered.stream().map(Respondent::userId).toList()).ifPresent(blocks::add);
        return List.of(new Message(blocks, null));
    }

    /** Closing is final: "luk 3" asks to confirm (a button, or "luk 3 bekræft"); the confirmation closes. */
    public List<Message> close(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        if (!m.isOpen()) throw new Refusal(t(lang, "close.not.open", m.number()));
        if (line.confirmed()) return closeConfirmed(c, m.number());
        return List.of(Message.of(new Block.Paragraph(t(lang, "close.confirm", m.number(), m.name(),
                        RoundTexts.total(lang, measurements.responseCounts(c.org(), m.number())), m.deadline().format(DAY))),
                new Block.Actions(List.of(new Block.Button(t(lang, "button.close", m.number()), CLOSE_ACTION,
                        String.valueOf(m.number()), Block.ButtonStyle.DANGER))),
                new Block.Context(t(lang, "close.confirm.hint", m.number()))));
    }

    /** The confirmed close (button or "bekræft"); a second confirmation finds it closed and changes nothing. */
    public List<Message> closeConfirmed(Caller c, int number) {
        Language lang = c.language();
        Measurement m = measurement(c, Optional.of(number));
        if (!closer.close(m)) throw new Refusal(t(lang, "close.not.open", m.number()));
        return List.of(Message.of(new Block.Paragraph(t(lang, "close.done", m.number(), m.name())),
                new Block.Context(t(lang, "close.next", m.number()))));
    }

    // ---- status / remind ------------------------------------------------------------------------

    /** Response rate per group as counts: never who has or has not answered. */
    public List<Message> status(Caller c, CommandLine line) {
        if (!line.numbers().isEmpty()) return List.of(status(c, measurement(c, line)));
        List<Measurement> all = measurements.measurements(c.org()).stream().filter(m -> AccessPolicy.sees(c, m)).toList();
        List<Measurement> open = all.stream().filter(Measurement::isOpen).toList();
        if (!open.isEmpty()) return open.stream().map(m -> status(c, m)).toList();
        return List.of(status(c, measurement(c, all.stream().findFirst().map(Measurement::number))));
    }

    private Message status(Caller c, Measurement m) {
        Language lang = c.language();
        List<Block.Bar> bars = new ArrayList<>();
        for (ResponseCounts counts : measurements.responseCounts(c.org(), m.number())) {
            bars.add(new Block.Bar(t(lang, "group." + counts.group().name()), counts.submitted(), counts.registered(),
                    RoundTexts.count(lang, counts.submitted(), counts.registered())));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "status.title", m.number(), m.name())));
        blocks.add(new Block.Fields(List.of(
                new Block.Field(t(lang, "status.state"), t(lang, "status." + m.status().name())),
                new Block.Field(t(lang, "invite.stage"), m.stage().label().in(lang)),
                new Block.Field(t(lang, "invite.deadline"), m.deadline().format(DAY)),
                new Block.Field(t(lang, "status.reminders"), String.valueOf(m.autoReminders())))));
        blocks.add(new Block.Bars(t(lang, "status.rate"), bars));
        long undeliverable = outbox.failed(c.org()).stream()
                .filter(f -> f.dedupeKey().startsWith("invite:" + m.number() + ":")).count();
        if (undeliverable > 0) blocks.add(new Block.Context(t(lang, "status.undeliverable", undeliverable)));
        if (!m.isClosed()) {
            // Everyone registered, submitted or not: naming only those still waiting would tell who answered.
            List<String> registered = measurements.respondents(c.org(), m.number()).stream().map(Respondent::userId).toList();
            unreachableNote(c, m, registered).ifPresent(blocks::add);
        }
        return new Message(blocks, null);
    }

    /**
     * Names the registered respondents the platform cannot reach yet and how to fix it. Only the coordinator
     * and team leaders see it, and it says nothing about answers: it is known before anyone answers.
     */
    private Optional<Block> unreachableNote(Caller c, Measurement m, List<String> userIds) {
        List<String> unreachable = reachability.unreachable(c.org(), userIds);
        if (unreachable.isEmpty()) return Optional.empty();
        return Optional.of(new Block.Paragraph(t(c.language(), "reach.unreachable",
                directory.names(c.org(), unreachable), m.number())));
    }

    public List<Message> remind(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = measurement(c, line);
        if (!m.isOpen()) throw new Refusal(t(lang, "close.not.open", m.number()));
        List<Respondent> waiting = measurements.respondents(c.org(), m.number()).stream()
                .filter(r -> r.status() == RespondentStatus.INVITED).toList();
        // One manual round a day: a repeated command, or a second coordinator, reaches nobody twice that day.
        var reminders = invitations.reminders(m, waiting, "manual-" + today());
        int already = outbox.queuedAlready(c.org(), reminders.stream().map(r -> r.dedupeKey()).toList());
        outbox.enqueue(reminders);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(t(lang, "remind.done", waiting.size() - already, m.number())));
        if (already > 0) blocks.add(new Block.Context(t(lang, "remind.already.today", already)));
        return List.of(new Message(blocks, null));
    }

    // ---- repeat ---------------------------------------------------------------------------------

    /** A new measurement with the same respondents and channel, compared with the earlier one. */
    public List<Message> repeat(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement previous = measurement(c, line);
        line.badDate().ifPresent(d -> {
            throw new Refusal(t(lang, "date.invalid", d));
        });
        Stage stage = line.words().stream().map(Stage::parse).flatMap(Optional::stream).findFirst().orElse(previous.stage());
        LocalDate deadline = line.date().orElse(today().plusDays(14));
        if (deadline.isBefore(today())) throw new Refusal(t(lang, "new.deadline.past"));
        String channel = line.channels().stream().findFirst().orElse(previous.resultsChannel());
        Measurement m = repetition(lang, previous, stage, deadline, channel, c.userId());
        int respondents = measurements.respondents(c.org(), m.number()).size();
        // One message: the copy already has its respondents, so "add respondents next" would mislead.
        return List.of(Message.of(new Block.Paragraph(t(lang, "new.created", m.number(), m.name(), m.stage().label().in(lang),
                        m.deadline().format(DAY), m.resultsChannel() == null ? t(lang, "none") : "#" + m.resultsChannel())),
                new Block.Context(t(lang, "repeat.done", m.number(), previous.number(), respondents))));
    }

    /**
     * The next round of a series, created and started without a command (the team's rhythm): the same
     * respondents, stage, channel and coordinator, invited at once.
     */
    public Measurement repeatAndStart(Measurement previous, LocalDate deadline) {
        Measurement m = repetition(Language.DA, previous, previous.stage(), deadline, previous.resultsChannel(), previous.createdBy());
        measurements.open(m.org(), m.number(), today(), organisations.settings(m.org()),
                invitations.invitations(m, measurements.respondents(m.org(), m.number())));
        return measurements.measurement(m.org(), m.number()).orElseThrow();
    }

    private Measurement repetition(Language lang, Measurement previous, Stage stage, LocalDate deadline, String channel,
                                   String createdBy) {
        String name = t(lang, "repeat.name", previous.name(), deadline.format(DAY));
        if (name.length() > MAX_NAME_LENGTH) name = name.substring(0, MAX_NAME_LENGTH);
        Measurement m = measurements.createMeasurement(new NewMeasurement(previous.org(), name, stage, deadline, channel,
                previous.number(), content.pin(stage), createdBy, today()));
        Map<String, RespondentRole> roles = new LinkedHashMap<>();
        measurements.respondents(previous.org(), previous.number()).forEach(r -> roles.put(r.userId(), r.role()));
        measurements.addRespondents(previous.org(), m.number(), roles, List.of());
        return m;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * The measurement a command names, or a clear refusal; a team leader is refused another team's.
     * Every command that names a measurement resolves it here, so team scoping holds for all of them.
     */
    public Measurement measurement(Caller c, Optional<Integer> number) {
        Language lang = c.language();
        int n = number.orElseThrow(() -> new Refusal(t(lang, "measurement.number.missing", "status", exampleNumber(c.org()))));
        Measurement m = measurements.measurement(c.org(), n).orElseThrow(() -> new Refusal(t(lang, "measurement.unknown", n)));
        AccessPolicy.checkTeam(c, m);
        return m;
    }

    /** The measurement a typed command names; without a number the refusal's example is that same command. */
    public Measurement measurement(Caller c, CommandLine line) {
        Optional<Integer> number = line.numbers().stream().findFirst();
        if (number.isEmpty()) {
            throw new Refusal(t(c.language(), "measurement.number.missing", line.word().danish(), exampleNumber(c.org())));
        }
        return measurement(c, number);
    }

    private int exampleNumber(OrgId org) {
        return measurements.measurements(org).stream().findFirst().map(Measurement::number).orElse(1);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
