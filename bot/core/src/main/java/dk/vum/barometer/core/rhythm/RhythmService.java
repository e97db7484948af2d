package dk.vum.barometer.core.rhythm;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.TeamMeetingGuide;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.TeamRhythm;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.report.Report;
import dk.vum.barometer.core.report.ThemeRank;
import dk.vum.barometer.core.rounds.WorkingHours;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.core.store.RhythmStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * The follow-up rhythm's prompts in each team's channel (seed 002, 3.7): before each team meeting
 * ("which two cases do we bring?" and one theme's team-meeting questions, rotating through the themes the
 * team's latest summary says need focus), a round-up every few weeks and a seminar every few months.
 * Each prompt is queued under a dedupe key naming the team and the day or period, so a restart, a second
 * instance or the next run never sends it twice; a prompt whose moment has passed is not sent late.
 * Prompts go out on weekdays in working hours only (so meetings start from 09:30, see {@link RhythmCommands}).
 */
public final class RhythmService {

    /** The meeting prompt goes out from this long before the meeting until it starts. */
    static final long MEETING_LEAD_MINUTES = 120;
    /** A round-up or seminar prompt goes out within this many days of its date (a weekend in between). */
    static final int PERIOD_WINDOW_DAYS = 3;
    /** How many of the weakest themes the meeting prompts rotate through. */
    static final int FOCUS_THEMES = 3;

    private final OrganisationStore organisations;
    private final RhythmStore rhythms;
    private final OutboxStore outbox;
    private final TeamMeetingGuide teamMeeting;
    private final BiFunction<OrgId, String, Optional<Report>> latestReport;
    private final Clock clock;
    private final ZoneId zone;

    /** @param latestReport the summary of a team's latest closed measurement, by organisation and channel */
    public RhythmService(OrganisationStore organisations, RhythmStore rhythms, OutboxStore outbox, TeamMeetingGuide teamMeeting,
                         BiFunction<OrgId, String, Optional<Report>> latestReport, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.rhythms = rhythms;
        this.outbox = outbox;
        this.teamMeeting = teamMeeting;
        this.latestReport = latestReport;
        this.clock = clock;
        this.zone = zone;
    }

    public void runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (!WorkingHours.contains(now)) return;
        for (OrgId org : organisations.organisations()) {
            List<OutboxMessage> due = new ArrayList<>();
            for (TeamRhythm r : rhythms.rhythms(org)) {
                Destination.Channel channel = new Destination.Channel(r.channelId());
                String meetingKey = "rhythm:meeting:" + r.channelId() + ":" + now.toLocalDate();
                // the prompt builds the team's latest report: only while it is not queued yet, not on every run
                if (meetingSoon(r, now) && outbox.queuedAlready(org, List.of(meetingKey)) == 0) {
                    due.add(Outbox.message(org, channel, meeting(org, r, now.toLocalDate()), meetingKey));
                }
                period(r.since(), now.toLocalDate(), r.roundupWeeks(), ChronoUnit.WEEKS).ifPresent(k -> due.add(
                        Outbox.message(org, channel, simple("rhythm.roundup", r.roundupWeeks()), "rhythm:roundup:" + r.channelId() + ":" + k)));
                period(r.since(), now.toLocalDate(), r.seminarMonths(), ChronoUnit.MONTHS).ifPresent(k -> due.add(
                        Outbox.message(org, channel, simple("rhythm.seminar", r.seminarMonths()), "rhythm:seminar:" + r.channelId() + ":" + k)));
            }
            outbox.enqueue(due);
        }
    }

    private static boolean meetingSoon(TeamRhythm r, ZonedDateTime now) {
        if (r.meetingDay() == null || r.meetingTime() == null || now.getDayOfWeek() != r.meetingDay()) return false;
        long minutesBefore = ChronoUnit.MINUTES.between(now.toLocalTime(), r.meetingTime());
        return minutesBefore > 0 && minutesBefore <= MEETING_LEAD_MINUTES;
    }

    /**
     * The number of the period (1, 2, …) whose first day was at most {@link #PERIOD_WINDOW_DAYS} ago: the
     * k-th round-up is due {@code k × every} units after the rhythm was set.
     */
    static Optional<Long> period(LocalDate since, LocalDate today, Integer every, ChronoUnit unit) {
        if (every == null || every <= 0 || !today.isAfter(since)) return Optional.empty();
        long k = unit.between(since, today) / every;
        if (k < 1) return Optional.empty();
        LocalDate start = since.plus(k * every, unit);
        return ChronoUnit.DAYS.between(start, today) < PERIOD_WINDOW_DAYS ? Optional.of(k) : Optional.empty();
    }

    /** The team meeting prompt; Danish, the team channel's language. */
    private Message meeting(OrgId org, TeamRhythm r, LocalDate day) {
        Language lang = Language.DA;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "rhythm.meeting.title", r.meetingTime().toString())));
        blocks.add(new Block.Paragraph(t(lang, "rhythm.meeting.cases")));
        focusArea(org, r.channelId(), day).ifPresentOrElse(focus -> {
            blocks.add(new Block.Paragraph(t(lang, "rhythm.meeting.focus", focus.theme().title().in(lang))));
            blocks.add(new Block.BulletList(teamMeeting.questions(focus.theme().id()).stream().map(q -> q.in(lang)).toList()));
        }, () -> blocks.add(new Block.Context(t(lang, "rhythm.meeting.no.report"))));
        return new Message(blocks, null);
    }

    /** One of the themes needing focus, a different one each week, from the team's latest summary. */
    private Optional<ThemeRank> focusArea(OrgId org, String channel, LocalDate day) {
        List<ThemeRank> weakest = latestReport.apply(org, channel).map(rep -> rep.weakestThemes(FOCUS_THEMES)).orElse(List.of())
                .stream().filter(rank -> !teamMeeting.questions(rank.theme().id()).isEmpty()).toList();
        if (weakest.isEmpty()) return Optional.empty();
        return Optional.of(weakest.get(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % weakest.size()));
    }

    private static Message simple(String key, int every) {
        return Message.of(new Block.Heading(t(Language.DA, key + ".title")), new Block.Paragraph(t(Language.DA, key, every)));
    }
}
