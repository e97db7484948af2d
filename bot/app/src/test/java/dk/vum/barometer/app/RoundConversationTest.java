package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.MeasurementStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import static dk.vum.barometer.app.TestChat.answerButton;
import static dk.vum.barometer.app.TestChat.button;
import static dk.vum.barometer.app.TestChat.question;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole round through the real bot on a real SQLite file: a coordinator, three leaders, two superusers
 * and ten caseworkers; one pauses and resumes after a restart, one double-clicks, one changes an answer,
 * one answers after the round closed; reminders; the anonymised summary.
 */
class RoundConversationTest {

    static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE);

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(TUESDAY_MORNING);
    BarometerApp app;
    TestChat chat;

    @BeforeEach
    void start() {
        boot();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void boot() {
        app = new BarometerApp(AppConfig.forTest(data).withDemo(true), clock);
        chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
    }

    void restart() {
        app.close();
        boot();
    }

    /** Staff answer value i % 5 + 1 on every item, by their place in the demo list. */
    static IntUnaryOperator staffValue(int index) {
        return item -> index % 5 + 1;
    }

    @Test
    void wholeRound() {
        // The coordinator creates a measurement; a caseworker may not.
        List<Message> created = chat.say("tina", "ny \"Team Nord efterår\" opstart 11-12-2026 #team-nord");
        assertThat(text(created)).contains("Måling 1", "Team Nord efterår");
        assertThat(text(chat.say("anna", "ny \"Min egen\" opstart 11-12-2026"))).contains("Kun tovholdere");
        assertThat(app.store().measurements(DemoSeed.ORG)).hasSize(1);

        chat.say("tina", "tilføj 1 leder @lars @lene @lotte");
        chat.say("tina", "tilføj 1 superbruger @sara @sune");
        assertThat(text(chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @cecilie @dennis @emma @frederik @gitte @hassan @ida @jonas")))
                .contains("10 sagsbehandlere tilføjet");
        assertThat(text(chat.say("tina", "start 1"))).contains("15 invitationer");
        assertThat(app.dispatcher().drain()).isEqualTo(15);
        assertThat(text(chat.inbox("anna"))).contains("Implementeringsbarometer: Team Nord efterår", "mindst 5", "mindst 10");

        List<String> staff = List.of("sara", "sune", "anna", "bo", "cecilie", "dennis", "emma", "frederik", "gitte", "hassan", "ida");

        // Anna answers three questions, pauses, and resumes after a restart where she left.
        List<Message> q = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        int annaValue = staff.indexOf("anna") % 5 + 1;
        for (int i = 0; i < 3; i++) q = chat.press("anna", answerButton(q, annaValue));
        assertThat(question(q).number()).isEqualTo(4);
        assertThat(text(chat.press("anna", button(q, "q.pause")))).contains("3 af");
        restart();
        q = chat.say("anna", "fortsæt");
        assertThat(question(q).number()).isEqualTo(4);
        answerRest("anna", q, staffValue(staff.indexOf("anna")));

        // Bo double-clicks: the same delivery twice, and two deliveries of the same click.
        q = chat.press("bo", button(chat.inbox("bo"), "q.start"));
        Block.Button first = answerButton(q, staff.indexOf("bo") % 5 + 1);
        chat.press("bo", first, "click-1");
        assertThat(chat.press("bo", first, "click-1")).isEmpty();
        q = chat.press("bo", first, "click-2");
        assertThat(question(q).number()).isEqualTo(2);
        answerRest("bo", q, staffValue(staff.indexOf("bo")));

        // Cecilie goes back and changes an answer; the review shows the change.
        q = chat.press("cecilie", button(chat.inbox("cecilie"), "q.start"));
        q = chat.press("cecilie", answerButton(q, 1));
        q = chat.press("cecilie", button(q, "q.back"));
        assertThat(question(q).number()).isEqualTo(1);
        assertThat(question(q).selected()).isEqualTo("1");
        answerRest("cecilie", q, staffValue(staff.indexOf("cecilie")));

        // Dennis writes comments (one with markup) before submitting.
        q = chat.press("dennis", button(chat.inbox("dennis"), "q.start"));
        List<Message> form = chat.press("dennis", button(q, "q.comment"));
        q = chat.submit("dennis", TestChat.form(form), Map.of("comment", "<!channel> Planen er <b>uklar</b>"));
        assertThat(question(q).number()).isEqualTo(1);
        answerRest("dennis", q, staffValue(staff.indexOf("dennis")));

        for (String user : staff) {
            if (List.of("anna", "bo", "cecilie", "dennis").contains(user)) continue;
            answerAll(user, staffValue(staff.indexOf(user)));
        }
        answerAll("lars", item -> 4);
        answerAll("lene", item -> 5);

        // Status shows counts per group, never names.
        String status = text(chat.say("tina", "status 1"));
        assertThat(status).contains("2 af 3", "11 af 12").doesNotContain("Jonas", "Lotte");

        // A reminder round three days before the deadline reaches the two who have not answered, once.
        clock.set(ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, BarometerApp.ZONE));
        assertThat(app.reminders().runDue()).isEqualTo(2);
        assertThat(app.reminders().runDue()).isZero();
        app.dispatcher().drain();
        assertThat(text(chat.inbox("jonas"))).contains("Påmindelse");
        assertThat(text(chat.inbox("anna"))).doesNotContain("Påmindelse");

        // Jonas starts but the round closes before he submits: his late click changes nothing.
        q = chat.press("jonas", button(chat.inbox("jonas"), "q.start"));
        assertThat(text(chat.say("lars", "luk 1"))).contains("Kun tovholdere");
        assertThat(text(chat.say("tina", "luk 1"))).contains("lukket");
        assertThat(app.store().measurement(DemoSeed.ORG, 1).orElseThrow().status()).isEqualTo(MeasurementStatus.CLOSED);
        assertThat(text(chat.press("jonas", answerButton(q, 3)))).contains("lukket", "ikke gemt");
        assertThat(app.store().responses(DemoSeed.ORG, 1)).hasSize(13);
        assertThat(app.store().draft(DemoSeed.ORG, 1, "jonas")).isEmpty();

        // The team leader reads the anonymised summary and posts it in the team channel.
        List<Message> report = chat.say("lars", "rapport 1");
        System.out.println(text(report));
        assertThat(text(chat.say("lars", "del 1"))).contains("#team-nord");
        app.dispatcher().drain();
        System.out.println("=== CHANNEL\n" + text(chat.conversation("team-nord")));
    }

    void answerAll(String user, IntUnaryOperator value) {
        answerRest(user, chat.press(user, button(chat.inbox(user), "q.start")), value);
    }

    /** Answers from the shown question to the end, then submits from the review. */
    void answerRest(String user, List<Message> shown, IntUnaryOperator value) {
        List<Message> q = shown;
        while (q.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> b instanceof Block.Question)) {
            q = chat.press(user, answerButton(q, value.applyAsInt(question(q).number())));
        }
        assertThat(text(q)).contains("Gennemse dine svar");
        List<Message> thanks = chat.press(user, button(q, "q.submit"));
        assertThat(text(thanks)).contains("Tak for din besvarelse");
    }
}
