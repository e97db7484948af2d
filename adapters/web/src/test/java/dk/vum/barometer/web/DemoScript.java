package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dk.vum.barometer.web.ChatServer.ORG;

/**
 * What the fake bot answers in the browser test: a small questionnaire, a form with every field type,
 * a result with bars, a real report summary with its chart, a proactive message, and an echo of anything else
 * (to show user text is escaped).
 */
final class DemoScript implements Function<Inbound, List<Message>> {

    private static final int QUESTIONS = 3;
    private static final String SURVEY_KEY = "survey";

    private final MessageSender proactive;
    private final DemoReport report;

    DemoScript(MessageSender proactive, DemoReport report) {
        this.proactive = proactive;
        this.report = report;
    }

    @Override
    public List<Message> apply(Inbound event) {
        if (event instanceof Inbound.TextInput) return onText((Inbound.TextInput) event);
        if (event instanceof Inbound.ButtonInput) return List.of(onButton((Inbound.ButtonInput) event));
        return List.of(onForm((Inbound.FormInput) event));
    }

    private List<Message> onText(Inbound.TextInput text) {
        if (text.text().equals("hjælp")) return List.of(help());
        if (text.text().equals("rapport 1")) return List.of(report.summary);
        if (text.text().equals("påmind mig")) {
            // Stored before the reply, so it is not in the response: only polling can show it.
            send(new Destination.Direct(text.address().userId()), Message.text("Påmindelse: du har et spørgeskema, der venter."));
            return List.of(Message.text("Du får en påmindelse."));
        }
        return List.of(Message.text("Du skrev: " + text.text()));
    }

    private Message onButton(Inbound.ButtonInput button) {
        if (button.action().equals("start")) return question(1, "3");
        if (button.action().startsWith("answer:")) {
            int answered = Integer.parseInt(button.action().substring("answer:".length()));
            return answered < QUESTIONS
                    ? question(answered + 1, null)
                    : Message.of(new Block.Paragraph("Tak! Dine svar er afleveret anonymt.")).withReplaceKey(SURVEY_KEY);
        }
        if (button.action().equals("new-measurement")) return newMeasurementForm();
        if (button.action().equals("results")) return results();
        return Message.text("Ukendt knap");
    }

    private Message onForm(Inbound.FormInput form) {
        List<Block.Field> fields = new ArrayList<>();
        form.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.add(new Block.Field(e.getKey(), e.getValue())));
        return Message.of(new Block.Heading("Måling oprettet"), new Block.Fields(fields));
    }

    private static Message help() {
        return Message.of(
                new Block.Heading("Velkommen til Barometer"),
                new Block.Paragraph("Jeg stiller spørgsmål om, hvordan implementeringen går."),
                new Block.BulletList(List.of("Start spørgeskemaet", "Opret en måling", "Se resultater")),
                new Block.Actions(List.of(
                        new Block.Button("Start spørgeskema", "start", "", Block.ButtonStyle.PRIMARY),
                        Block.Button.of("Opret måling", "new-measurement", ""),
                        Block.Button.of("Vis resultater", "results", "1"),
                        new Block.Button("Afmeld", "opt-out", "", Block.ButtonStyle.DANGER))),
                new Block.Context("Skriv »hjælp« når som helst."));
    }

    /** Choice values as the real questionnaire carries them: measurement, item and scale value. */
    private static Message question(int number, String selected) {
        List<String> labels = List.of("Helt uenig", "Uenig", "Hverken eller", "Enig", "Helt enig");
        List<Block.Button> choices = new ArrayList<>();
        for (int v = 1; v <= labels.size(); v++) {
            choices.add(Block.Button.of(labels.get(v - 1), "answer:" + number, choiceValue(number, String.valueOf(v))));
        }
        return Message.of(new Block.Question("Ledelse", "Udsagn nummer " + number + " om implementeringen.",
                number, QUESTIONS, "Spørgsmål " + number + " af " + QUESTIONS, choices, selected,
                selected == null ? null : choiceValue(number, selected))).withReplaceKey(SURVEY_KEY);
    }

    private static String choiceValue(int number, String scaleValue) {
        return "1|item-" + number + "|" + scaleValue;
    }

    private static Message newMeasurementForm() {
        List<Block.FormField> fields = List.of(
                new Block.FormField("name", "Navn", Block.FieldType.TEXT, true, "", null, "Fx »Forår 2025«"),
                new Block.FormField("note", "Beskrivelse", Block.FieldType.MULTILINE, false, "", null, null),
                new Block.FormField("stage", "Fase", Block.FieldType.SELECT, true, "opstart", List.of(
                        new Block.Option("opstart", "Opstart / godt i gang"),
                        new Block.Option("forankring", "Forankring")), null),
                new Block.FormField("deadline", "Frist", Block.FieldType.DATE, true, "", null, null),
                new Block.FormField("respondents", "Respondenter", Block.FieldType.USERS, false, "", null,
                        "Søg, og sæt flueben ved dem, der skal med"),
                new Block.FormField("channel", "Kanal", Block.FieldType.CHANNEL, false, "", null, null));
        return Message.of(new Block.Form("new-measurement", "Ny måling", fields, "Opret måling", Map.of("draft", "7")));
    }

    private static Message results() {
        return Message.of(
                new Block.Heading("Resultater for måling 1"),
                new Block.Context("12 af 14 har svaret"),
                new Block.Fields(List.of(new Block.Field("Fase", "Forankring"), new Block.Field("Status", "Lukket"))),
                new Block.Bars("Gennemsnit pr. tema", List.of(
                        new Block.Bar("Ledelse", 3.8, 5, "3,8"),
                        new Block.Bar("Kompetencer", 2.4, 5, "2,4"),
                        new Block.Bar("Arbejdsgange", 4.5, 5, "4,5"))));
    }

    private void send(Destination destination, Message message) {
        try {
            proactive.send(ORG, destination, message);
        } catch (SendFailure e) {
            throw new IllegalStateException(e);
        }
    }
}
