package dk.vum.barometer.bench;

import dk.vum.barometer.app.DemoSeed;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.i18n.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo coordinator typing commands in her direct conversation, each reply checked. */
final class Coordinator {

    private static final String USER = DemoSeed.COORDINATOR.id();
    /** Stays well under the chat's 4,000 characters per message. */
    private static final int MAX_COMMAND = 3500;
    private static final Pattern CREATED = Pattern.compile("Måling (\\d+) ");

    private final ChatClient client;

    Coordinator(ChatClient client) {
        this.client = client;
    }

    /** "ny": returns the new measurement's number. */
    int create(String name, LocalDate deadline) {
        String reply = text(client.say(USER, "ny \"" + name + "\" opstart " + deadline.format(DateTimeFormatter.ofPattern("dd-MM-uuuu"))));
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
                if (command.length() > MAX_COMMAND) {
                    client.say(USER, command.toString());
                    command.setLength(0);
                }
                if (command.length() == 0) command.append("tilføj ").append(measurement).append(' ').append(role);
                command.append(" @").append(r.userId());
            }
            if (command.length() > 0) client.say(USER, command.toString());
        }
    }

    /** "start": the reply confirms how many respondents are invited. */
    void start(int measurement, String name, int respondents) {
        expect(client.say(USER, "start " + measurement), Texts.t(Language.DA, "start.done", measurement, name, respondents));
    }

    void close(int measurement, String name) {
        expect(client.say(USER, "luk " + measurement + " bekræft"), Texts.t(Language.DA, "close.done", measurement, name));
    }

    /** "rapport": the whole anonymised summary, built and rendered for this request. */
    ChatClient.Timed report(int measurement) {
        ChatClient.Timed reply = client.say(USER, "rapport " + measurement);
        boolean scores = reply.replies().stream().flatMap(m -> m.blocks().stream())
                .anyMatch(b -> b instanceof Block.Bars || b instanceof Block.Image image && image.alt().contains("gennemsnit"));
        if (!scores) throw new BenchFailure("the summary shows no scores: " + text(reply));
        return reply;
    }

    private static void expect(ChatClient.Timed reply, String expected) {
        String text = text(reply);
        if (!text.contains(expected)) throw new BenchFailure("expected \"" + expected + "\" but the bot said: " + text);
    }

    private static String text(ChatClient.Timed reply) {
        StringBuilder sb = new StringBuilder();
        for (Message m : reply.replies()) {
            for (Block b : m.blocks()) sb.append(b.plainText()).append('\n');
        }
        return sb.toString();
    }
}
