package dk.vum.barometer.app;

import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static dk.vum.barometer.app.TestChat.blocks;
import static dk.vum.barometer.app.TestChat.buttons;
import static dk.vum.barometer.app.TestChat.form;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From measuring to following up, through the real bot on a real SQLite file, in-process and through the
 * web chat's HTTP API: two teams whose leaders see only their own team's measurements; the coordinator's
 * overview with the small team suppressed; a check question answered in the team channel by its
 * implementation group and shown by "tjekliste status"; an activity added, reminded, closed, and one shown
 * overdue in the channel; a team meeting prompt at its time on a test clock, not sent again after a restart.
 */
class FollowUpConversationTest {

    enum Transport { ENGINE, HTTP }

    static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE);
    static final List<String> NORD_STAFF = List.of("sara", "anna", "bo", "cecilie", "dennis", "emma");
    static final List<String> SYD_STAFF = List.of("frederik", "gitte", "hassan");

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(TUESDAY_MORNING);
    BarometerApp app;
    TestChat chat;
    Transport transport;

    @AfterEach
    void stop() {
        app.close();
    }

    void boot() {
        AppConfig config = AppConfig.forTest(data).withDemo(true);
        if (transport == Transport.HTTP) {
            app = new BarometerApp(config.withOutboxInterval(Duration.ofHours(1)), clock).start();
            chat = new HttpTestChat(app.port(), DemoSeed.COORDINATOR.id());
        } else {
            app = new BarometerApp(config, clock);
            chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void teamsFollowUpOnTheirMeasurements(Transport transport) {
        this.transport = transport;
        boot();
        twoTeamsMeasureAndSeeOnlyTheirOwn();
        aCheckQuestionIsAnsweredInTheChannel();
        anActivityIsAddedRemindedAndClosed();
        aTeamMeetingPromptGoesOutOnceAtItsTime();
        theNextMeasurementStartsByItselfOnce();
        theWholeChecklistIsARoundWithADueDate();
    }

    void twoTeamsMeasureAndSeeOnlyTheirOwn() {
        chat.say("tina", "ny \"Nord\" opstart 11-12-2026 #team-nord");
        chat.say("tina", "ny \"Syd\" opstart 11-12-2026 #team-syd");
        chat.say("tina", "tilføj 1 superbruger @sara");
        chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @cecilie @dennis @emma");
        chat.say("tina", "tilføj 2 sagsbehandler @frederik @gitte @hassan");
        chat.say("tina", "start 1");
        chat.say("tina", "start 2");
        app.dispatcher().drain();
        NORD_STAFF.forEach(u -> chat.answerAll(u, k -> k % 5 + 1, 1));
        SYD_STAFF.forEach(u -> chat.answerAll(u, k -> 3, 2));
        chat.say("tina", "luk 1 bekræft");
        chat.say("tina", "luk 2 bekræft");

        // Lene leads team Syd: team Nord's measurement is refused to her, and hers to Lars.
        assertThat(text(chat.say("lene", "rapport 1"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(chat.say("lene", "del 1 #team-syd"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(chat.say("lene", "eksport 1 csv"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(chat.say("lene", "eksport 1 pdf"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(chat.say("lars", "rapport 2"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(chat.say("lars", "del 1 #team-syd"))).contains("ikke teamleder for #team-syd");
        assertThat(text(chat.say("lars", "målinger"))).contains("Nord").doesNotContain("Syd");
        assertThat(text(chat.say("lars", "rapport 1"))).contains("Medarbejdere");

        // The overview: team Nord with its figures, team Syd (3 < 5) without any, and no total across teams.
        assertThat(text(chat.say("lars", "oversigt"))).contains("Kun tovholdere");
        List<Message> overview = chat.say("tina", "oversigt");
        assertThat(text(overview)).contains("#team-nord: måling 1", "Går godt:", "Behov for ekstra fokus:",
                "#team-syd: måling 2", "For få besvarelser: ingen tal vises (mindst 5 pr. gruppe)");
        assertThat(blocks(overview, Block.Bars.class)).singleElement()
                .satisfies(bars -> assertThat(bars.title()).isEqualTo("Medarbejdere"));
        String after = text(overview).substring(text(overview).indexOf("#team-syd"));
        assertThat(after).doesNotContain("Går godt", "Behov for ekstra fokus");
    }

    void aCheckQuestionIsAnsweredInTheChannel() {
        assertThat(text(chat.say("lene", "tjekliste 3 #team-nord"))).contains("ikke teamleder for #team-nord");
        assertThat(text(chat.say("lars", "tjekliste 3 #team-nord"))).contains("#team-nord");
        app.dispatcher().drain();
        List<Message> channel = chat.conversation("team-nord");
        assertThat(text(channel)).contains("Ikke anonymt");
        Block.Button partly = buttons(channel, b -> b.action().equals("checklist.answer") && b.value().equals("3|DELVIS")).get(0);
        Block.Button yes = buttons(channel, b -> b.action().equals("checklist.answer") && b.value().equals("3|JA")).get(0);

        // The implementation group answers in the channel; others are refused, and so is a private answer.
        assertThat(text(chat.pressIn("team-nord", "lene", yes))).contains("Kun implementeringsgruppen");
        assertThat(text(chat.pressIn("team-nord", "anna", yes))).contains("Kun implementeringsgruppen");
        assertThat(text(chat.press("lars", yes))).contains("besvares i teamets kanal");
        List<Message> answered = chat.pressIn("team-nord", "lars", partly);
        assertThat(text(answered)).contains("svarede “Delvis” på tjekspørgsmål 3");
        List<Message> noted = chat.submitIn("team-nord", "lars", form(answered),
                Map.of("note", "Planen er <b>uklar</b>", "step", "Lav en plan for forandringsledelsen"));
        assertThat(text(noted)).contains("Næste skridt er aktivitet 1", "15.12.2026");
        assertThat(text(chat.pressIn("team-nord", "sara", yes))).contains("svarede “Ja”");

        List<Message> status = chat.say("lars", "tjekliste status");
        assertThat(text(status)).contains("Tjeklistens status for #team-nord", "Ja – Sara Superbruger, 01.12.2026 (før: Delvis)",
                "Planen er <b>uklar</b>", "ikke besvaret endnu");
        assertThat(text(chat.say("lene", "tjekliste status #team-nord"))).contains("ikke teamleder for #team-nord");
    }

    void anActivityIsAddedRemindedAndClosed() {
        assertThat(text(chat.say("lars", "plan tilføj \"Temadag om VUM 2.0\" 04-12-2026 @lars forberedelse")))
                .contains("Aktivitet 2 “Temadag om VUM 2.0”", "#team-nord");
        assertThat(text(chat.say("lene", "plan tilføj \"Snyd\" 04-12-2026 @lene #team-nord"))).contains("ikke teamleder for #team-nord");
        assertThat(text(chat.say("lars", "plan"))).contains("#1 Lav en plan", "#2 Temadag om VUM 2.0 – senest 04.12.2026",
                "fase: forberedelse og valg af udviklingsområder");

        // Two days before it is due, the one responsible is reminded, once, with a button that closes it.
        clock.set(TUESDAY_MORNING.plusDays(1));
        app.runFollowUp();
        app.runFollowUp();
        app.dispatcher().drain();
        List<Message> reminders = chat.inbox("lars").stream().filter(m -> m.plainText().contains("Påmindelse: “Temadag")).toList();
        assertThat(reminders).hasSize(1);
        assertThat(text(chat.press("lars", buttons(reminders, b -> b.action().equals("plan.done")).get(0))))
                .contains("Aktivitet 2 “Temadag om VUM 2.0” er færdig");
        assertThat(text(chat.say("lars", "plan færdig 2"))).contains("var allerede færdig");

        // The next step from the checklist was due 15-12: the day after, the channel hears it is overdue.
        clock.set(TUESDAY_MORNING.plusDays(15));
        app.runFollowUp();
        app.dispatcher().drain();
        assertThat(text(chat.conversation("team-nord"))).contains("Aktivitet 1 “Lav en plan for forandringsledelsen” skulle være gjort senest 15.12.2026");
        assertThat(text(chat.say("lars", "plan"))).contains("overskredet", "færdig 02.12.2026");

        // The PDF for top management shows the team's checklist and plan, without the names of who answered.
        Block.File pdf = blocks(chat.say("lars", "eksport 1 pdf"), Block.File.class).get(0);
        String printed = pdfText(app.store().file(pdf.url().replaceFirst(".*/files/([^/]+)/.*", "$1"),
                clock.instant()).orElseThrow().content());
        assertThat(printed).contains("Tjekliste og handleplan", "Ja 01.12.2026", "Temadag om VUM 2.0 færdig 02.12.2026 04.12.2026",
                "Lav en plan for forandringsledelsen overskredet 15.12.2026").doesNotContain("Sara Superbruger");
    }

    /** The PDF's text as Debian's pdftotext reads it (.ci/install-poppler.sh), line breaks joined. */
    private String pdfText(byte[] pdf) {
        try {
            Path file = Files.write(data.resolve("rapport.pdf"), pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(text).isZero();
            return text.replaceAll("[ \\n]+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void aTeamMeetingPromptGoesOutOnceAtItsTime() {
        assertThat(text(chat.say("lars", "rytme møde torsdag 10:00"))).contains("torsdag 10:00");
        assertThat(text(chat.say("lars", "rytme møde torsdag 08:00"))).contains("mellem 09:30 og 16:00");
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 17, 7, 45, 0, 0, BarometerApp.ZONE);
        clock.set(thursday);
        app.runFollowUp();
        app.dispatcher().drain();
        assertThat(meetingPrompts()).isZero();

        clock.set(thursday.withHour(9).withMinute(0));
        app.runFollowUp();
        app.dispatcher().drain();
        assertThat(meetingPrompts()).isEqualTo(1);
        String prompt = text(chat.conversation("team-nord"));
        assertThat(prompt).contains("Hvilke to sager tager vi med i dag?", "Tema i fokus:");
        assertThat(ContentLoader.loadDefault().teamMeeting().themes())
                .anySatisfy(theme -> assertThat(prompt).contains(theme.questions().get(0).da()));

        app.close();
        boot();
        clock.set(thursday.withHour(9).withMinute(30));
        app.runFollowUp();
        app.dispatcher().drain();
        assertThat(meetingPrompts()).isEqualTo(1);
    }

    void theNextMeasurementStartsByItselfOnce() {
        assertThat(text(chat.say("lene", "rytme gentag 1"))).contains("#team-syd", "hver 1. måned");
        clock.set(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, BarometerApp.ZONE));
        app.runFollowUp();
        app.runFollowUp();
        app.dispatcher().drain();

        assertThat(app.store().measurements(DemoSeed.ORG)).hasSize(3);
        var repeated = app.store().measurement(DemoSeed.ORG, 3).orElseThrow();
        assertThat(repeated.isOpen()).isTrue();
        assertThat(repeated.compareWith()).isEqualTo(2);
        assertThat(repeated.resultsChannel()).isEqualTo("team-syd");
        assertThat(text(chat.inbox("tina"))).contains("Måling 3 “Syd – gentaget, frist 18.01.2027” gentager måling 2 for #team-syd");
        assertThat(text(chat.inbox("gitte"))).contains("Syd – gentaget, frist 18.01.2027");
    }

    void theWholeChecklistIsARoundWithADueDate() {
        assertThat(text(chat.say("lars", "tjekliste alle #team-nord 15.01.2027")))
                .contains("9 tjekspørgsmål deles nu i #team-nord", "Besvar senest 15.01.2027: det er aktivitet 3");
        app.dispatcher().drain();
        assertThat(chat.conversation("team-nord").stream().filter(m -> m.plainText().contains("Besvares senest 15.01.2027"))).hasSize(9);
        clock.set(ZonedDateTime.of(2027, 1, 13, 10, 0, 0, 0, BarometerApp.ZONE));
        app.runFollowUp();
        app.dispatcher().drain();
        assertThat(text(chat.inbox("lars"))).contains("Påmindelse: “Besvar tjeklisten” i #team-nord skal være gjort senest 15.01.2027");
    }

    long meetingPrompts() {
        return chat.conversation("team-nord").stream().filter(m -> m.plainText().contains("Teammøde i dag kl. 10:00")).count();
    }
}
