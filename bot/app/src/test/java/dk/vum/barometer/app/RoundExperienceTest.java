package dk.vum.barometer.app;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dk.vum.barometer.app.TestChat.answerButton;
import static dk.vum.barometer.app.TestChat.button;
import static dk.vum.barometer.app.TestChat.form;
import static dk.vum.barometer.app.TestChat.question;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round played as a new user would, with mistakes on purpose: the chosen answer is marked after going back
 * and editing; typed answers keep the question where the person is looking; unexpected text gets the question
 * and how to answer; unknown people and channels change no count; a form sent twice creates one measurement;
 * undo before the start; reminders that say what is left; the round closes by itself after its deadline.
 * Played in-process and through the web chat's HTTP API (what the browser shows is the transcript).
 */
class RoundExperienceTest {

    enum Transport { ENGINE, HTTP }

    static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE);

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(TUESDAY_MORNING);
    BarometerApp app;
    TestChat chat;

    @AfterEach
    void stop() {
        app.close();
    }

    void boot(Transport transport) {
        AppConfig config = AppConfig.forTest(data).withDemo(true).withOutboxInterval(Duration.ofHours(1));
        app = new BarometerApp(config, clock);
        if (transport == Transport.HTTP) {
            app.start();
            chat = new HttpTestChat(app.port(), DemoSeed.COORDINATOR.id());
        } else {
            chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
        }
    }

    int registered(int measurement) {
        return app.store().responseCounts(DemoSeed.ORG, measurement).stream().mapToInt(ResponseCounts::registered).sum();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRoundPlayedWithMistakesOnPurpose(Transport transport) {
        boot(transport);

        // Wrong date format: a precise example, and the form keeps the name and stage typed.
        List<Message> wrong = chat.say("tina", "ny \"Team Nord\" opstart 12/31/2026 #team-nord");
        assertThat(text(wrong)).contains("“12/31/2026” er ikke en dato", "15.12.2026");
        Block.FormField name = form(wrong).fields().get(0);
        assertThat(name.initialValue()).isEqualTo("Team Nord");
        assertThat(form(wrong).fields().get(3).initialValue()).isEqualTo("team-nord");

        // An unknown channel is refused with a suggestion and creates nothing, not even a web chat channel.
        assertThat(text(chat.say("tina", "ny \"Team Nord\" opstart 11.12.2026 #team-nrod")))
                .contains("kender ikke kanalen #team-nrod", "#team-nord");
        assertThat(app.store().measurements(DemoSeed.ORG)).isEmpty();

        // The form sent twice (a double click, a retry) creates one measurement.
        Block.Form newForm = form(chat.say("tina", "ny"));
        Map<String, String> values = Map.of("name", "Team Nord efterår", "stage", "opstart", "deadline", "2026-12-11",
                "channel", "team-nord");
        assertThat(text(chat.submit("tina", newForm, values))).contains("Måling 1");
        assertThat(text(chat.submit("tina", newForm, values))).contains("allerede sendt");
        assertThat(app.store().measurements(DemoSeed.ORG)).hasSize(1);
        // A form for a second measurement, refused for a missing name, can be corrected and sent again.
        Block.Form second = form(chat.say("tina", "ny"));
        assertThat(text(chat.submit("tina", second, Map.of("stage", "opstart", "deadline", "2026-12-11")))).contains("mangler");
        assertThat(text(chat.submit("tina", second, Map.of("name", "Prøve", "stage", "opstart", "deadline", "2026-12-11"))))
                .contains("Måling 2");

        // Undo before the start: rename, remove, delete; an unknown person changes no count.
        assertThat(text(chat.say("tina", "omdøb 2 \"Prøve igen\""))).contains("hedder nu “Prøve igen”");
        assertThat(text(chat.say("tina", "slet 2"))).contains("slettet");
        assertThat(app.store().measurements(DemoSeed.ORG)).hasSize(1);
        assertThat(text(chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @xavier"))).contains("kender ikke @xavier");
        assertThat(registered(1)).isZero();
        assertThat(text(chat.say("tina", "tilføj 1 sagsbehandler @ana"))).contains("Mente du", "@anna");
        chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @cecilie @dennis @emma");
        Block.Form addForm = form(chat.say("tina", "tilføj"));
        assertThat(text(chat.submit("tina", addForm, Map.of("measurement", "1", "role", "leder", "users", "lars,xavier"))))
                .contains("kender ikke @xavier");
        assertThat(registered(1)).isEqualTo(5);
        assertThat(text(chat.say("tina", "fjern 1 @emma"))).contains("1 fjernet");
        assertThat(registered(1)).isEqualTo(4);
        assertThat(text(chat.say("tina", "start"))).contains("“start 1”").doesNotContain("status");
        assertThat(text(chat.say("anna", "start 1"))).contains("ikke startet");
        assertThat(text(chat.say("lars", "start 1"))).contains("Kun tovholdere");
        assertThat(text(chat.say("tina", "start 1"))).contains("respondenter: 4");
        assertThat(text(chat.say("tina", "fjern 1 @bo"))).contains("er startet");
        assertThat(registered(1)).isEqualTo(4);
        assertThat(text(chat.say("tina", "omdøb 1 \"Andet\""))).contains("er startet");
        app.dispatcher().drain();
        int statements = ContentLoader.loadDefault().questionnaire(Stage.OPSTART, Audience.SAGSBEHANDLERE).items().size();
        assertThat(text(chat.inbox("anna"))).contains(statements + " udsagn – omkring ", " minutter");

        // Help per role: a respondent sees no coordinator example and no "opsæt"; English leads with English.
        assertThat(text(chat.say("anna", "hjælp"))).doesNotContain("Eksempel", "opsæt", "ny (new)").contains("besvar (answer)");
        chat.say("bo", "sprog en");
        assertThat(text(chat.say("bo", "help"))).contains("answer (besvar)");

        // Anna answers 3, goes back: her answer is marked, by the choice's own value.
        List<Message> q = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        q = chat.press("anna", answerButton(q, 3));
        q = chat.press("anna", button(q, "q.back"));
        assertThat(question(q).number()).isEqualTo(1);
        assertMarked(question(q), answerButton(q, 3));

        // Typed answers: the question comes anew at the end of the conversation, below what was typed.
        List<Message> typed = chat.say("anna", "4");
        assertThat(typed.get(typed.size() - 1).repost()).isTrue();
        assertThat(question(typed).number()).isEqualTo(2);
        assertShownLast(transport, "anna", 2);
        // Unexpected text: the current question and how to answer, not the command help.
        for (String unexpected : List.of("hej jeg forstår ikke spørgsmålet", "7")) {
            List<Message> reply = chat.say("anna", unexpected);
            assertThat(text(reply)).contains("1–5", "0 / v", "tilbage", "pause").doesNotContain("kommandoer", "Eksempel");
            assertThat(question(reply).number()).isEqualTo(2);
            assertShownLast(transport, "anna", 2);
        }
        // Going back by typing shows the earlier answer marked too.
        q = chat.say("anna", "tilbage");
        assertMarked(question(q), answerButton(q, 4));
        for (int i = 0; i < 40; i++) {
            q = chat.say("anna", "5");
            if (q.stream().noneMatch(m -> m.blocks().stream().anyMatch(Block.Question.class::isInstance))) break;
        }
        assertThat(q).as("the review is reached").noneMatch(m -> m.blocks().stream().anyMatch(Block.Question.class::isInstance));
        // The review's edit: the answer given is marked.
        q = chat.say("anna", "ret 2");
        assertMarked(question(q), answerButton(q, 5));
        chat.say("anna", "gennemse");
        List<Message> thanks = chat.say("anna", "indsend");
        assertThat(text(thanks)).contains("Tak");
        if (transport == Transport.HTTP) assertThat(text(List.of(lastInbox("anna")))).contains("Tak");

        // Bo starts; reminders say what is left, Start or Fortsæt, and that unsubmitted answers are deleted.
        chat.press("bo", answerButton(chat.press("bo", button(chat.inbox("bo"), "q.start")), 2));
        clock.set(ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, BarometerApp.ZONE));
        List<Message> reminded = chat.say("tina", "påmind 1");
        assertThat(text(reminded)).contains("antal: 3");
        assertThat(text(chat.say("tina", "påmind 1"))).contains("antal: 0", "3 har allerede fået en påmindelse i dag");
        app.dispatcher().drain();
        assertThat(text(chat.inbox("bo"))).contains("answered 1 of " + statements, "3 days to the deadline", "deleted");
        assertThat(text(chat.inbox("cecilie"))).contains("ikke startet endnu", "3 dage til fristen", "slettes");
        assertThat(TestChat.buttons(List.of(lastInbox("cecilie")), b -> b.action().equals("q.start")).get(0).label()).isEqualTo("Start");
        assertThat(TestChat.buttons(List.of(lastInbox("bo")), b -> b.action().equals("q.start")).get(0).label()).isEqualTo("Resume");

        // Status without a number: the open round. A later measurement is no "earlier" one.
        assertThat(text(chat.say("tina", "status"))).contains("Status for måling 1", "1 af 4");
        chat.say("tina", "gentag 1 20.01.2027");
        assertThat(text(chat.say("tina", "målinger"))).contains("gentaget, frist 20.01.2027");
        assertThat(text(chat.say("tina", "sammenlign 1 2"))).contains("nyere end måling 1");

        // A new deadline; the round then closes by itself after it, and the coordinator is told.
        assertThat(text(chat.say("tina", "frist 1 9.12.2026"))).contains("09.12.2026");
        clock.set(ZonedDateTime.of(2026, 12, 9, 23, 30, 0, 0, BarometerApp.ZONE));
        assertThat(app.deadlines().runDue()).isZero();
        clock.set(ZonedDateTime.of(2026, 12, 10, 0, 5, 0, 0, BarometerApp.ZONE));
        assertThat(app.deadlines().runDue()).isEqualTo(1);
        assertThat(app.deadlines().runDue()).isZero();
        assertThat(app.store().measurement(DemoSeed.ORG, 1).orElseThrow().status()).isEqualTo(MeasurementStatus.CLOSED);
        assertThat(app.store().draft(DemoSeed.ORG, 1, "bo")).isEmpty();
        app.dispatcher().drain();
        assertThat(text(chat.inbox("tina"))).contains("lukket af sig selv", "1 af 4");
        // Bo's open question is replaced where it stood (in the web chat in place, keeping its seq).
        assertThat(chat.inbox("bo")).noneMatch(m -> m.blocks().stream().anyMatch(Block.Question.class::isInstance));
        assertThat(text(chat.inbox("bo"))).contains("closed");
    }

    /**
     * Over HTTP the conversation is what the browser shows: the question is the last message in it, below
     * what was typed (in-process, replies are not stored; the repost flag is checked on them instead).
     */
    private void assertShownLast(Transport transport, String user, int questionNumber) {
        if (transport != Transport.HTTP) return;
        assertThat(lastInbox(user).blocks()).anyMatch(b -> b instanceof Block.Question qb && qb.number() == questionNumber);
        assertThat(chat.inbox(user)).filteredOn(m -> m.blocks().stream().anyMatch(Block.Question.class::isInstance)).hasSize(1);
    }

    private Message lastInbox(String user) {
        List<Message> inbox = chat.inbox(user);
        return inbox.get(inbox.size() - 1);
    }

    /** Exactly this choice is marked, by its own value (what every renderer compares). */
    private static void assertMarked(Block.Question q, Block.Button chosen) {
        assertThat(q.selectedValue()).isEqualTo(chosen.value());
        assertThat(q.choices()).filteredOn(q::isSelected).containsExactly(chosen);
    }

    /**
     * Drafts are stored padded to one size: long comments on theme after theme are kept until the next one
     * would not fit; that one is refused with a request to shorten, and what was written before stays.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCommentThatDoesNotFitIsRefusedAndTheEarlierOnesStay(Transport transport) throws SQLException {
        boot(transport);
        chat.say("tina", "ny \"Lange kommentarer\" opstart 11.12.2026 #team-nord");
        chat.say("tina", "tilføj 1 sagsbehandler @anna");
        chat.say("tina", "start 1");
        app.dispatcher().drain();

        Random random = new Random(5);
        List<String> kept = new ArrayList<>();
        String refused = null;
        List<Message> q = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        while (refused == null) {
            // Random CJK ideographs take three bytes each and do not compress: the room runs out after a few.
            String comment = random.ints(2_000, 0x4E00, 0x9FFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            List<Message> reply = chat.submit("anna", form(chat.press("anna", button(q, "q.comment"))), Map.of("comment", comment));
            if (text(reply).contains("Dine kommentarer fylder tilsammen mere, end der er plads til")) {
                refused = comment;
            } else {
                kept.add(comment);
                q = chat.press("anna", answerButton(reply, 4));
                String theme = question(reply).theme();
                while (question(q).theme().equals(theme)) q = chat.press("anna", answerButton(q, 4));
            }
        }
        assertThat(kept).as("several long comments fit").hasSizeGreaterThanOrEqualTo(2);

        while (!text(q).contains("Gennemse dine svar")) q = chat.press("anna", answerButton(q, 4));
        String review = text(q);
        if (transport == Transport.HTTP) {
            // the stored review holds the comments near the limit, yet it is one padded block like every message
            assertThat(transcriptLengths()).as("every stored message, the review too, is one size").hasSize(1);
        }
        for (String comment : kept) assertThat(review).contains(comment.substring(0, 40));
        assertThat(review).doesNotContain(refused.substring(0, 40));
    }

    /** The distinct lengths of the web chat's stored messages, read from the database file as anyone could. */
    private Set<Integer> transcriptLengths() throws SQLException {
        Set<Integer> lengths = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStorage.FILE_NAME));
             ResultSet rs = c.createStatement().executeQuery("SELECT length(payload) FROM transcript")) {
            while (rs.next()) lengths.add(rs.getInt(1));
        }
        return lengths;
    }
}
