package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.PrivateReplies;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.rounds.MeasurementCommands;
import dk.vum.barometer.core.store.Storage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The anonymised summary of a closed measurement: shown to the person who asks ("rapport 3"), posted in
 * the team's channel with reflection questions ("del 3 #team"), or compared with any earlier measurement
 * ("sammenlign 4 2"). The numbers come from {@link ReportBuilder} only.
 */
public final class ReportCommands {

    private final Storage store;
    private final ContentRepository content;
    private final MeasurementCommands rounds;
    private final ReportBuilder builder;
    private final ReportMessages messages;
    private final PrivateReplies privately;
    private final Clock clock;

    /** The full summary carries comments: it is only ever shown to the person who asked (see {@link PrivateReplies}). */
    public ReportCommands(Storage store, ContentRepository content, MeasurementCommands rounds, ReportBuilder builder,
                          PrivateReplies privately, Clock clock) {
        this.store = store;
        this.content = content;
        this.rounds = rounds;
        this.builder = builder;
        this.messages = new ReportMessages(content.teamMeeting());
        this.privately = privately;
        this.clock = clock;
    }

    public List<Message> report(Caller c, CommandLine line) {
        Measurement m = closed(c, line.numbers().stream().findFirst());
        return privately.deliver(c, "summary:" + m.number(), messages.summary(build(m, comparedOf(m)), c.language()));
    }

    /** Posts to the given channel, else the measurement's results channel, else the channel asked in. */
    public List<Message> post(Caller c, CommandLine line) {
        Language lang = c.language();
        Measurement m = closed(c, line.numbers().stream().findFirst());
        String channel = line.channels().stream().findFirst()
                .or(() -> Optional.ofNullable(m.resultsChannel()))
                .or(() -> c.address().direct() ? Optional.empty() : Optional.of(c.address().conversationId()))
                .orElseThrow(() -> new Refusal(t(lang, "report.no.channel", m.number())));
        List<Message> post = messages.channelPost(build(m, comparedOf(m)), lang);
        store.enqueue(Outbox.messages(c.org(), new Destination.Channel(channel), post,
                "report:" + m.number() + ":" + channel + ":" + Outbox.minute(clock)));
        return List.of(Message.text(t(lang, "report.posted", m.number(), "#" + channel)));
    }

    /** "sammenlign 4 2": measurement 4 with the changes since measurement 2. */
    public List<Message> compare(Caller c, CommandLine line) {
        Language lang = c.language();
        if (line.numbers().size() != 2) throw new Refusal(t(lang, "compare.usage"));
        Measurement m = closed(c, Optional.of(line.numbers().get(0)));
        Measurement earlier = closed(c, Optional.of(line.numbers().get(1)));
        if (earlier.number() == m.number()) throw new Refusal(t(lang, "compare.usage"));
        return privately.deliver(c, "compare:" + m.number() + ":" + earlier.number(),
                messages.summary(build(m.comparedWith(earlier.number()), Optional.of(earlier)), lang));
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

    private MeasurementData data(Measurement m) {
        return new MeasurementData(m, content.questionnaires(m), store.responses(m.org(), m.number()),
                store.comments(m.org(), m.number()), store.responseCounts(m.org(), m.number()));
    }
}
