package dk.vum.barometer.bench;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.i18n.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The coordinator typing commands in her direct conversation, each reply checked; the platform is the line's. */
final class Coordinator {

    /** The coordinator's direct conversation with the bot on one platform. */
    interface Line {
        /** Types the text and returns the bot's reply to it. */
        Said say(String text);
    }

    /**
     * The bot's reply as text, whether it shows a summary's scores (a chart described as averages, or bars),
     * how long it took and how many bytes it was.
     */
    record Said(String text, boolean scores, long nanos, int bytes) {
    }

    /** What the description of a summary's chart says. */
    static final String SCORES = "gennemsnit";
    private static final Pattern CREATED = Pattern.compile("Måling (\\d+) ");

    private final Line line;
    /** The longest command typed: what the bot gets after the platform's mentions are written out stays under 4,000. */
    private final int maxCommand;

    Coordinator(Line line, int maxCommand) {
        this.line = line;
        this.maxCommand = maxCommand;
    }

    /** "ny": returns the new measurement's number. */
    int create(String name, LocalDate deadline) {
        String reply = line.say("ny \"" + name + "\" opstart " + deadline.format(DateTimeFormatter.ofPattern("dd-MM-uuuu"))).text();
        Matcher m = CREATED.matcher(reply);
        if (!m.find()) throw new BenchFailure("measurement not created: " + reply);
        return Integer.parseInt(m.group(1));
    }

    /** "tilføj", in as few commands as fit in a chat message. */
    void register(int measurement, List<Respondent> respondents) {
        for (String role : List.of(Respondent.LEADER, Respondent.CASEWORKER)) {
            StringBuilder command = new StringBuilder();
            for (Respondent r : respondents) {
                if (!r.roleWord().equals(role)) continue;
                if (command.length() > maxCommand) {
                    line.say(command.toString());
                    command.setLength(0);
                }
                if (command.length() == 0) command.append("tilføj ").append(measurement).append(' ').append(role);
                command.append(" @").append(r.userId());
            }
            if (command.length() > 0) line.say(command.toString());
        }
    }

    /** "start": the reply confirms how many respondents are invited. */
    void start(int measurement, String name, int respondents) {
        expect(line.say("start " + measurement), Texts.t(Language.DA, "start.done", measurement, name, respondents));
    }

    void close(int measurement, String name) {
        expect(line.say("luk " + measurement + " bekræft"), Texts.t(Language.DA, "close.done", measurement, name));
    }

    /** "rapport": the whole anonymised summary, built and rendered for this request. */
    Said report(int measurement) {
        Said reply = line.say("rapport " + measurement);
        if (!reply.scores()) throw new BenchFailure("the summary shows no scores: " + reply.text());
        return reply;
    }

    private static void expect(Said reply, String expected) {
        if (!reply.text().contains(expected)) throw new BenchFailure("expected \"" + expected + "\" but the bot said: " + reply.text());
    }
}
