package dk.vum.barometer.core.rhythm;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.TeamRhythm;
import dk.vum.barometer.core.rounds.WorkingHours;
import dk.vum.barometer.core.store.RhythmStore;
import dk.vum.barometer.core.teams.TeamChannel;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * A team's follow-up rhythm: "rytme [#kanal]" shows it; "rytme møde tirsdag 10:00", "rytme opsamling 5"
 * (weeks), "rytme seminar 6" (months), "rytme gentag 6" (a repeated measurement, months) set its parts;
 * "rytme stop" ends it.
 */
public final class RhythmCommands {

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mandag", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tirsdag", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("onsdag", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("torsdag", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fredag", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY));
    /** Meetings whose prompt can go out in working hours, at least half an hour before they start. */
    static final LocalTime EARLIEST_MEETING = WorkingHours.FROM.plusMinutes(30);

    private final RhythmStore rhythms;
    private final Clock clock;
    private final ZoneId zone;

    public RhythmCommands(RhythmStore rhythms, Clock clock, ZoneId zone) {
        this.rhythms = rhythms;
        this.clock = clock;
        this.zone = zone;
    }

    public List<Message> handle(Caller c, CommandLine line) {
        Language lang = c.language();
        String channel = TeamChannel.of(c, line);
        List<String> words = line.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        TeamRhythm current = rhythms.rhythm(c.org(), channel)
                .orElse(new TeamRhythm(channel, null, null, null, null, null, today()));
        if (words.isEmpty()) return List.of(show(lang, current));
        if (words.contains("stop")) {
            rhythms.deleteRhythm(c.org(), channel);
            return List.of(Message.text(t(lang, "rhythm.stopped", "#" + channel)));
        }
        Optional<Integer> number = line.numbers().stream().findFirst();
        TeamRhythm next = switch (words.get(0)) {
            case "møde", "moede", "meeting", "teammøde" -> meeting(lang, current, words);
            case "opsamling", "roundup", "round-up" -> new TeamRhythm(channel, current.meetingDay(), current.meetingTime(),
                    within(lang, number, 2, 12), current.seminarMonths(), current.repeatMonths(), today());
            case "seminar" -> new TeamRhythm(channel, current.meetingDay(), current.meetingTime(), current.roundupWeeks(),
                    within(lang, number, 1, 24), current.repeatMonths(), today());
            case "gentag", "repeat", "måling", "maaling" -> new TeamRhythm(channel, current.meetingDay(), current.meetingTime(),
                    current.roundupWeeks(), current.seminarMonths(), within(lang, number, 1, 24), current.since());
            default -> throw new Refusal(t(lang, "rhythm.usage"));
        };
        rhythms.saveRhythm(c.org(), next);
        return List.of(show(lang, next));
    }

    private TeamRhythm meeting(Language lang, TeamRhythm current, List<String> words) {
        DayOfWeek day = words.stream().map(DAYS::get).filter(d -> d != null).findFirst()
                .orElseThrow(() -> new Refusal(t(lang, "rhythm.usage")));
        LocalTime time = words.stream().map(RhythmCommands::time).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new Refusal(t(lang, "rhythm.usage")));
        if (time.isBefore(EARLIEST_MEETING) || time.isAfter(WorkingHours.UNTIL)) {
            throw new Refusal(t(lang, "rhythm.meeting.hours", EARLIEST_MEETING.toString(), WorkingHours.UNTIL.toString()));
        }
        return new TeamRhythm(current.channelId(), day, time, current.roundupWeeks(), current.seminarMonths(),
                current.repeatMonths(), current.since());
    }

    private static Optional<LocalTime> time(String word) {
        String w = word.replace('.', ':');
        if (w.matches("\\d:\\d\\d")) w = "0" + w;
        try {
            return Optional.of(LocalTime.parse(w));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int within(Language lang, Optional<Integer> n, int min, int max) {
        if (n.isEmpty() || n.get() < min || n.get() > max) throw new Refusal(t(lang, "rhythm.range", min, max));
        return n.get();
    }

    private static Message show(Language lang, TeamRhythm r) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(t(lang, "rhythm.field.meeting"), r.meetingDay() == null ? t(lang, "none")
                : t(lang, "rhythm.day." + r.meetingDay().name()) + " " + r.meetingTime()));
        fields.add(new Block.Field(t(lang, "rhythm.field.roundup"), r.roundupWeeks() == null ? t(lang, "none")
                : t(lang, "rhythm.every.weeks", r.roundupWeeks())));
        fields.add(new Block.Field(t(lang, "rhythm.field.seminar"), r.seminarMonths() == null ? t(lang, "none")
                : t(lang, "rhythm.every.months", r.seminarMonths())));
        fields.add(new Block.Field(t(lang, "rhythm.field.repeat"), r.repeatMonths() == null ? t(lang, "none")
                : t(lang, "rhythm.every.months", r.repeatMonths())));
        return Message.of(new Block.Heading(t(lang, "rhythm.title", "#" + r.channelId())), new Block.Fields(fields),
                new Block.Context(t(lang, "rhythm.usage")));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
