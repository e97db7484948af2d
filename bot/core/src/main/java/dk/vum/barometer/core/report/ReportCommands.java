package dk.vum.barometer.core.report;

import dk.vum.barometer.content.ChecklistArea;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.PrivateReplies;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.files.FileLinks;
import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.model.ChecklistAnswer;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.report.chart.Chart;
import dk.vum.barometer.core.report.chart.ReportCharts;
import dk.vum.barometer.core.report.export.FollowUp;
import dk.vum.barometer.core.report.export.ReportCsv;
import dk.vum.barometer.core.report.export.ReportPdf;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.store.ActivityStore;
import dk.vum.barometer.core.store.ChecklistAnswerStore;
import dk.vum.barometer.core.store.Storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The anonymised summary of a closed measurement: shown to the person who asks ("rapport 3", with charts;
 * "rapport 3 detaljer" for everything), posted in the team's channel with reflection questions ("del 3 #team"),
 * compared with any earlier measurement ("sammenlign 4 2"), or exported ("eksport 3 pdf|csv"). The numbers
 * come from {@link ReportBuilder} only; charts, PDF and CSV render the same {@link Report}.
 *
 * <p>A measurement and the ones it repeats form a series; the summary and the PDF show its development
 * across every closed round, each round computed with the same minimums: the strictest any of them promised.
 */
public final class ReportCommands {

    private static final Set<String> DETAILS = Set.of("detaljer", "details", "alt", "all");

    private final Storage store;
    private final ChecklistAnswerStore checklistAnswers;
    private final ActivityStore activities;
    private final ContentRepository content;
    private final MeasurementCommands rounds;
    private final ReportBuilder builder;
    private final ReportMessages messages;
    private final PrivateReplies privately;
    private final FileLinks files;
    private final Clock clock;
    private final ZoneId zone;
    private final ReportCharts charts = new ReportCharts();

    /** The full summary carries comments: it is only ever shown to the person who asked (see {@link PrivateReplies}). */
    public ReportCommands(Storage store, ChecklistAnswerStore checklistAnswers, ActivityStore activities,
                          ContentRepository content, MeasurementCommands rounds, ReportBuilder builder,
                          PrivateReplies privately, FileLinks files, Clock clock, ZoneId zone) {
        this.store = store;
        this.checklistAnswers = checklistAnswers;
        this.activities = activities;
        this.content = content;
        this.rounds = rounds;
        this.builder = builder;
        this.messages = new ReportMessages(content.teamMeeting());
        this.privately = privately;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
    }

    /** "rapport 3": the one-screen summary with its charts; "rapport 3 detaljer": every figure and the comments. */
    public List<Message> report(Caller c, CommandLine line) {
        Measurement m = closed(c, line.numbers().stream().findFirst());
        List<Report> series = series(m);
        Report report = series.get(series.size() - 1);
        if (line.args().stream().anyMatch(a -> DETAILS.contains(a.toLowerCase(Locale.ROOT)))) {
            return privately.deliver(c, "details:" + m.number(), messages.details(report, c.language()));
        }
        List<Block> images = report.shownGroups().isEmpty() ? List.of()
                : images(c.org(), Stream.concat(Stream.of(charts.overview(report, c.language())), charts.trends(series, c.language()).stream()));
        return privately.deliver(c, "summary:" + m.number(), messages.summary(report, images, c.language()));
    }

    /** "eksport 3 pdf" / "eksport 3 csv": the report as a file, for the person who asked. */
    public List<Message> export(Caller c, CommandLine line) {
        Language lang = c.language();
        Optional<String> kind = line.args().stream().map(a -> a.toLowerCase(Locale.ROOT))
                .filter(a -> a.equals("pdf") || a.equals("csv")).findFirst();
        if (kind.isEmpty() || line.numbers().size() != 1) throw new Refusal(t(lang, "export.usage"));
        Measurement m = closed(c, line.numbers().stream().findFirst());
        List<Report> series = series(m);
        Report report = series.get(series.size() - 1);
        String name = "maaling-" + m.number() + "." + kind.get();
        String url;
        if (kind.get().equals("csv")) {
            url = files.publish(c.org(), name, ReportCsv.MEDIA_TYPE, new ReportCsv().render(report, lang));
        } else {
            byte[] pdf = new ReportPdf().render(report, series, charts.overview(report, lang), charts.trends(series, lang),
                    followUp(m, lang), lang, today());
            url = files.publish(c.org(), name, ReportPdf.MEDIA_TYPE, pdf);
        }
        String mediaType = kind.get().equals("csv") ? ReportCsv.MEDIA_TYPE : ReportPdf.MEDIA_TYPE;
        Message reply = Message.of(new Block.Paragraph(t(lang, "export.ready." + kind.get(), m.number(),
                Math.max(1, files.ttl().toDays()))), new Block.File(url, name, mediaType));
        return privately.deliver(c, "export:" + m.number() + ":" + kind.get(), List.of(reply));
    }

    /** Posts to the given channel, else the measurement's results channel, else the channel asked in. */
    public List<Message> post(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = closed(c, line.numbers().stream().findFirst());
        String channel = line.channels().stream().findFirst()
                .or(() -> Optional.ofNullable(m.resultsChannel()))
                .or(() -> c.address().direct() ? Optional.empty() : Optional.of(c.address().conversationId()))
                .orElseThrow(() -> new Refusal(t(lang, "report.no.channel", m.number())));
        AccessPolicy.checkChannel(c, channel);
        Report report = build(m, comparedOf(m));
        // The theme chart only: the channel sees what the summary shows first, hosted like the summary's.
        List<Block> images = report.shownGroups().isEmpty() ? List.of() : images(c.org(), Stream.of(charts.overview(report, lang)));
        List<Message> post = messages.channelPost(report, images, lang);
        store.enqueue(Outbox.messages(c.org(), new Destination.Channel(channel, c.address().userId()), post,
                "report:" + m.number() + ":" + channel + ":" + Outbox.minute(clock)));
        return List.of(Message.text(t(lang, "report.posted", m.number(), "#" + channel)));
    }

    /** "sammenlign 4 2": measurement 4 with every figure and the changes since measurement 2. */
    public List<Message> compare(Caller c, CommandLine line) {
        Language lang = c.language();
        if (line.numbers().size() != 2) throw new Refusal(t(lang, "compare.usage"));
        // Numbers are given in creation order: a higher number is a later measurement, never "the earlier".
        if (line.numbers().get(1) > line.numbers().get(0)) {
            throw new Refusal(t(lang, "compare.not.earlier", line.numbers().get(1), line.numbers().get(0)));
        }
        Measurement m = closed(c, Optional.of(line.numbers().get(0)));
        Measurement earlier = closed(c, Optional.of(line.numbers().get(1)));
        if (earlier.number() == m.number()) throw new Refusal(t(lang, "compare.usage"));
        return privately.deliver(c, "compare:" + m.number() + ":" + earlier.number(),
                messages.details(build(m.comparedWith(earlier.number()), Optional.of(earlier)), lang));
    }

    /**
     * The checklist and activity plan of the measurement's team channel, for the PDF: the latest answer per
     * area (the implementation group's own, named assessment; names are left out) and every activity.
     */
    private FollowUp followUp(Measurement m, Language lang) {
        if (m.resultsChannel() == null) return FollowUp.NONE;
        List<ChecklistAnswer> answers = checklistAnswers.answers(m.org(), m.resultsChannel());
        List<FollowUp.Line> checklist = new ArrayList<>();
        for (ChecklistArea area : content.checklist().areas()) {
            answers.stream().filter(a -> a.areaNumber() == area.number()).reduce((a, b) -> b).ifPresent(latest ->
                    checklist.add(new FollowUp.Line(area.number() + ". " + area.title().in(lang),
                            t(lang, "checklist.verdict." + latest.verdict().name()), latest.answeredAt().atZone(zone).toLocalDate())));
        }
        LocalDate today = today();
        List<FollowUp.Line> plan = activities.activities(m.org(), m.resultsChannel()).stream()
                .map(a -> new FollowUp.Line(a.title(), activityStatus(a, today, lang), a.due())).toList();
        return new FollowUp(checklist, plan);
    }

    private static String activityStatus(Activity a, LocalDate today, Language lang) {
        if (a.isDone()) return t(lang, "plan.status.done", ReportFormat.date(a.doneOn()));
        return t(lang, a.due().isBefore(today) ? "plan.status.overdue" : "plan.status.open");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The charts published as hosted files, as image blocks with their alt text. */
    private List<Block> images(OrgId org, Stream<Chart> charts) {
        return charts.map(chart -> (Block) new Block.Image(files.publish(org, chart.name(), Chart.MEDIA_TYPE, chart.png()),
                chart.alt())).toList();
    }

    /**
     * The summary of the team's latest closed measurement (its results channel is the team's), for the
     * team meeting prompts: the same figures as "rapport", minimums and all.
     */
    public Optional<Report> latestClosed(OrgId org, String channelId) {
        return latestClosed(store.measurements(org), channelId);
    }

    /** The same among measurements already read (the organisation's, newest first), for the overview of every team. */
    public Optional<Report> latestClosed(List<Measurement> measurements, String channelId) {
        return measurements.stream()
                .filter(m -> m.isClosed() && channelId.equals(m.resultsChannel()))
                .findFirst().map(m -> build(m, comparedOf(m)));
    }

    private Measurement closed(Caller c, Optional<Integer> number) {
        Measurement m = rounds.measurement(c, number);
        if (!m.isClosed()) throw new Refusal(t(c.language(), "report.not.closed", m.number()));
        return m;
    }

    /** The measurement this one repeats, when that one is closed too. */
    private Optional<Measurement> comparedOf(Measurement m) {
        if (m.compareWith() == null) return Optional.empty();
        return store.measurement(m.org(), m.compareWith()).filter(Measurement::isClosed);
    }

    private Report build(Measurement m, Optional<Measurement> compared) {
        OrgSettings thresholds = m.reportingThresholds(store.settings(m.org()));
        if (compared.isPresent()) thresholds = compared.get().reportingThresholds(thresholds);
        return builder.build(new ReportInput(data(m), compared.map(this::data).orElse(null), thresholds));
    }

    /**
     * The reports of every closed round of the series ending with {@code m}, oldest first and {@code m}'s
     * last (compared with the round it repeats), all with the strictest minimums any round promised, so a
     * group hidden in one round cannot be shown with lower minimums in another.
     */
    private List<Report> series(Measurement m) {
        List<Measurement> closedRounds = new ArrayList<>(List.of(m));
        Set<Integer> seen = new HashSet<>(Set.of(m.number()));
        Measurement round = m;
        while (round.compareWith() != null && seen.add(round.compareWith())) {
            Optional<Measurement> earlier = store.measurement(m.org(), round.compareWith());
            if (earlier.isEmpty()) break;
            round = earlier.get();
            if (round.isClosed()) closedRounds.add(0, round);
        }
        OrgSettings thresholds = store.settings(m.org());
        for (Measurement r : closedRounds) thresholds = r.reportingThresholds(thresholds);
        OrgSettings minimums = thresholds;
        Optional<Measurement> compared = comparedOf(m);
        Map<Integer, MeasurementData> read = new HashMap<>(); // the compared round is usually one of the series
        Function<Measurement, MeasurementData> data = r -> read.computeIfAbsent(r.number(), n -> data(r));
        List<Report> reports = new ArrayList<>();
        for (Measurement r : closedRounds.subList(0, closedRounds.size() - 1)) {
            reports.add(builder.build(ReportInput.of(data.apply(r), minimums)));
        }
        reports.add(builder.build(new ReportInput(data.apply(m), compared.map(data).orElse(null), minimums)));
        return reports;
    }

    private MeasurementData data(Measurement m) {
        return new MeasurementData(m, content.questionnaires(m), store.responses(m.org(), m.number()),
                store.comments(m.org(), m.number()), store.responseCounts(m.org(), m.number()));
    }
}
