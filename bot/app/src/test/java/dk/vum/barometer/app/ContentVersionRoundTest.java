package dk.vum.barometer.app;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.ContentCatalog;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.QuestionnaireCodec;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.NewMeasurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dk.vum.barometer.app.TestChat.answerButton;
import static dk.vum.barometer.app.TestChat.button;
import static dk.vum.barometer.app.TestChat.question;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality upgrades: measurement 1 was created under content version 1 (its questionnaires pinned in
 * the database, as the previous release stored them), measurement 2 repeats it under version 2. Both rounds
 * are played through the real bot on SQLite; the comparison uses only statements both versions asked
 * identically and says so.
 */
class ContentVersionRoundTest {

    static final List<String> LEADERS = List.of("lars", "lene", "lotte");
    static final List<String> STAFF = List.of("sara", "sune", "anna", "bo", "cecilie", "dennis", "emma", "frederik",
            "gitte", "hassan", "ida", "jonas");
    /** Statements of Opstart (both audiences) that version 2 kept with id and wording. */
    static final int KEPT_STATEMENTS = 12;

    @TempDir
    Path data;
    final MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE));
    BarometerApp app;
    TestChat chat;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void aRoundOnVersion2IsComparedWithAMeasurementOnVersion1() {
        app = new BarometerApp(AppConfig.forTest(data).withDemo(true), clock);
        chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
        Map<Audience, String> version1 = new EnumMap<>(Audience.class);
        version1Opstart().forEach((audience, q) -> {
            String hash = QuestionnaireCodec.hash(q);
            app.store().saveContent(hash, QuestionnaireCodec.toJson(q));
            version1.put(audience, hash);
        });
        app.store().createMeasurement(new NewMeasurement(DemoSeed.ORG, "Forår", Stage.OPSTART, LocalDate.of(2026, 12, 15),
                "team-nord", null, version1, "tina", LocalDate.of(2026, 11, 30)));
        chat.say("tina", "indstil minimum 3");
        register(1);
        chat.say("tina", "start 1");
        app.dispatcher().drain();

        // Version 1 offers its combined "Ved ikke / ikke relevant"; everyone answers 3 (leaders 4).
        List<Message> q = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        assertThat(question(q).choices()).extracting(Block.Button::label)
                .containsExactly("1 Helt uenig", "2 Uenig", "3 Delvis enig", "4 Enig", "5 Helt enig", "Ved ikke / ikke relevant");
        answerRest("anna", q, 3);
        STAFF.stream().filter(u -> !u.equals("anna")).forEach(u -> answerAll(u, 1, 3));
        LEADERS.forEach(u -> answerAll(u, 1, 4));
        assertThat(text(chat.say("tina", "luk 1 bekræft"))).contains("lukket");

        // Repeated after the upgrade: measurement 2 pins version 2.
        assertThat(text(chat.say("tina", "gentag 1 18-12-2026"))).contains("Måling 2");
        chat.say("tina", "start 2");
        app.dispatcher().drain();
        String invitation = text(chat.inbox("anna"));
        assertThat(invitation).contains("23 udsagn – omkring 10 minutter", "krypteret", "blandes svarene med andres",
                "Superbrugere tælles med sagsbehandlerne", "frivilligt", "ordret", "skriv ingen navne", "tovholderen");
        assertThat(text(chat.inbox("lars"))).contains("24 udsagn – omkring 10 minutter");

        // Anna finds the first statement not relevant (typed "i") and does not know the second ("v").
        q = chat.press("anna", TestChat.buttons(chat.inbox("anna"), b -> b.action().equals("q.start") && b.value().equals("2")).get(0));
        assertThat(question(q).choices()).extracting(Block.Button::label).containsExactly("1 Helt uenig", "2 Overvejende uenig",
                "3 Hverken enig eller uenig", "4 Overvejende enig", "5 Helt enig", "Ved ikke", "Ikke relevant");
        q = chat.say("anna", "i");
        assertThat(question(q).number()).isEqualTo(2);
        q = chat.say("anna", "v");
        assertThat(question(q).number()).isEqualTo(3);
        q = chat.press("anna", button(q, "q.back"));
        assertThat(question(q).selected()).isEqualTo("0");
        q = chat.press("anna", answerButton(q, 0));
        answerRest("anna", q, 4);
        STAFF.stream().filter(u -> !u.equals("anna")).forEach(u -> answerAll(u, 2, 4));
        LEADERS.forEach(u -> answerAll(u, 2, 5));
        chat.say("tina", "luk 2 bekræft");

        Questionnaire staff2 = ContentLoader.loadDefault().questionnaire(Stage.OPSTART, Audience.SAGSBEHANDLERE);
        String report = text(chat.say("lars", "rapport 2 detaljer"));
        assertThat(report).contains(
                KEPT_STATEMENTS + " udsagn kan sammenlignes med måling 1; ændrede udsagn er udeladt.",
                "Svarskalaens ord er ændret siden måling 1",
                // A kept statement: 3 then 4 for all twelve.
                "Jeg ved, hvorfor vi skal arbejde med VUM 2.0: 4,0 · 100 % enige · 0 % uenige · 12 har svaret 1-5 · 0 ved ikke · 0 ikke relevant (+1,0 siden måling 1)",
                // Anna's "ikke relevant" and "ved ikke", counted apart and outside the mean; new statements have no change.
                statement(staff2, 0) + ": 4,0 · 100 % enige · 0 % uenige · 11 har svaret 1-5 · 0 ved ikke · 1 ikke relevant\n",
                statement(staff2, 1) + ": 4,0 · 100 % enige · 0 % uenige · 11 har svaret 1-5 · 1 ved ikke · 0 ikke relevant\n");
        assertThat(report).doesNotContain("Medarbejdere · Forandringsledelse:");
    }

    /** Version 2 keeps an id only where the statement is unchanged: a reused id with new wording would be compared wrongly. */
    @Test
    void version2ReusesVersion1IdsOnlyForUnchangedStatements() {
        ContentCatalog current = ContentLoader.loadDefault();
        int kept = 0;
        for (Map.Entry<Audience, Questionnaire> old : version1Opstart().entrySet()) {
            Map<String, Item> before = old.getValue().items().stream().collect(
                    Collectors.toMap(Item::id, Function.identity()));
            for (Item item : current.questionnaire(Stage.OPSTART, old.getKey()).items()) {
                Item previous = before.get(item.id());
                if (previous == null) continue;
                assertThat(item.text().da()).as(item.id()).isEqualTo(previous.text().da());
                assertThat(item.theme()).as(item.id()).isEqualTo(previous.theme());
                kept++;
            }
        }
        assertThat(kept).isEqualTo(KEPT_STATEMENTS);
    }

    /** A statement as the report labels it: without its full stop. */
    static String statement(Questionnaire q, int index) {
        String text = q.items().get(index).text().da();
        return text.substring(0, text.length() - 1);
    }

    void register(int measurement) {
        chat.say("tina", "tilføj " + measurement + " leder @lars @lene @lotte");
        chat.say("tina", "tilføj " + measurement + " superbruger @sara @sune");
        chat.say("tina", "tilføj " + measurement + " sagsbehandler @anna @bo @cecilie @dennis @emma @frederik @gitte @hassan @ida @jonas");
    }

    void answerAll(String user, int measurement, int value) {
        Block.Button start = TestChat.buttons(chat.inbox(user),
                b -> b.action().equals("q.start") && b.value().equals(String.valueOf(measurement))).get(0);
        answerRest(user, chat.press(user, start), value);
    }

    void answerRest(String user, List<Message> shown, int value) {
        List<Message> q = shown;
        while (q.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> b instanceof Block.Question)) {
            q = chat.press(user, answerButton(q, value));
        }
        assertThat(text(chat.press(user, button(q, "q.submit")))).contains("Tak for din besvarelse");
    }

    /** Version 1 of Opstart as it shipped, read as the previous release pinned it. */
    static Map<Audience, Questionnaire> version1Opstart() {
        return Map.of(Audience.LEDELSE, read("opstart-ledelse.json"), Audience.SAGSBEHANDLERE, read("opstart-sagsbehandlere.json"));
    }

    private static Questionnaire read(String file) {
        try (InputStream in = ContentVersionRoundTest.class.getResourceAsStream("/content-v1/" + file)) {
            return QuestionnaireCodec.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
