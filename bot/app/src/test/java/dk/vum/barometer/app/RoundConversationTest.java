package dk.vum.barometer.app;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.report.ReportActions;
import dk.vum.barometer.storage.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import static dk.vum.barometer.app.TestChat.answerButton;
import static dk.vum.barometer.app.TestChat.button;
import static dk.vum.barometer.app.TestChat.question;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A whole round through the real bot on a real database: a coordinator, three leaders, two superusers
 * and ten caseworkers; one pauses and resumes after a restart, one double-clicks, one changes an answer,
 * one answers after the round closed; reminders; the anonymised summary. Played three times: with events
 * handed to the bot in-process on SQLite and on PostgreSQL, and through the local web chat's HTTP API on the
 * running server (SQLite).
 */
class RoundConversationTest {

    /**
     * How the users reach the bot: events handed to the bot in-process, on SQLite or on the machine's
     * PostgreSQL (127.0.0.1:5432, user postgres, a schema of its own), or the web chat's HTTP API.
     */
    enum Transport { ENGINE, ENGINE_ON_POSTGRES, HTTP }

    @RegisterExtension
    static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();
    static final String DRAFT_KEY = PostgresTestDatabase.newDraftKey();

    static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE);

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(TUESDAY_MORNING);
    BarometerApp app;
    TestChat chat;

    Transport transport;

    /** The PostgreSQL run's schema, kept across its restart; the database goes with the class. */
    String schemaUrl;

    @AfterEach
    void stop() {
        app.close();
    }

    void boot() {
        if (transport == Transport.HTTP) {
            // The server runs, but the outbox is drained by the test, so that counts are exact.
            app = new BarometerApp(AppConfig.forTest(data).withDemo(true).withOutboxInterval(Duration.ofHours(1)), clock).start();
            chat = new HttpTestChat(app.port(), DemoSeed.COORDINATOR.id());
            return;
        }
        AppConfig config = AppConfig.forTest(data).withDemo(true);
        if (transport == Transport.ENGINE_ON_POSTGRES) config = config.withDatabase(postgresSchema());
        app = new BarometerApp(config, clock);
        chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
    }

    DatabaseConfig postgresSchema() {
        try {
            if (schemaUrl == null) schemaUrl = POSTGRES.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseConfig(schemaUrl, PostgresTestDatabase.USER, null, DRAFT_KEY);
    }

    void restart() {
        app.close();
        boot();
    }

    static final List<String> STAFF = List.of("sara", "sune", "anna", "bo", "cecilie", "dennis", "emma", "frederik",
            "gitte", "hassan", "ida");

    /** Staff member i answers question k with (i + k) % 5 + 1, so each question's 11 answers sum to 31 + (k % 5). */
    static IntUnaryOperator staffValue(String user) {
        int index = STAFF.indexOf(user);
        return question -> (index + question) % 5 + 1;
    }

    /** The exact mean of a theme for the eleven staff members, from the questionnaire's own item order. */
    static double expectedStaffThemeMean(Questionnaire q, String themeId, int shift) {
        double sum = 0;
        int n = 0;
        for (Item item : q.itemsOf(themeId)) {
            int k = q.indexOf(item.id()) + 1;
            for (int i = 0; i < STAFF.size(); i++) {
                sum += Math.min(5, (i + k) % 5 + 1 + shift);
                n++;
            }
        }
        return sum / n;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void wholeRound(Transport transport) {
        this.transport = transport;
        boot();
        // The coordinator creates a measurement; a caseworker may not.
        List<Message> created = chat.say("tina", "ny \"Team Nord efterår\" opstart 11-12-2026 #team-nord");
        assertThat(text(created)).contains("Måling 1", "Team Nord efterår");
        assertThat(text(chat.say("anna", "ny \"Min egen\" opstart 11-12-2026"))).contains("Kun tovholdere");
        assertThat(app.store().measurements(DemoSeed.ORG)).hasSize(1);

        chat.say("tina", "tilføj 1 leder @lars @lene @lotte");
        chat.say("tina", "tilføj 1 superbruger @sara @sune");
        assertThat(text(chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @cecilie @dennis @emma @frederik @gitte @hassan @ida @jonas")))
                .contains("10 sagsbehandlere tilføjet");
        assertThat(text(chat.say("tina", "start 1"))).contains("respondenter: 15");
        assertThat(app.dispatcher().drain()).isEqualTo(15);
        assertThat(text(chat.inbox("anna"))).contains("Implementeringsbarometer: Team Nord efterår", "mindst 5", "mindst 10");

        // Anna answers three questions, pauses, and resumes after a restart where she left.
        List<Message> q = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        for (int i = 0; i < 3; i++) q = chat.press("anna", answerButton(q, staffValue("anna").applyAsInt(question(q).number())));
        assertThat(question(q).number()).isEqualTo(4);
        assertThat(text(chat.press("anna", button(q, "q.pause")))).contains("3 af");
        restart();
        q = chat.say("anna", "fortsæt");
        assertThat(question(q).number()).isEqualTo(4);
        answerRest("anna", q, staffValue("anna"));

        // Bo double-clicks: the same delivery twice, and two deliveries of the same click.
        q = chat.press("bo", button(chat.inbox("bo"), "q.start"));
        Block.Button first = answerButton(q, staffValue("bo").applyAsInt(1));
        chat.press("bo", first, "click-1");
        assertThat(chat.press("bo", first, "click-1")).isEmpty();
        q = chat.press("bo", first, "click-2");
        assertThat(question(q).number()).isEqualTo(2);
        answerRest("bo", q, staffValue("bo"));

        // Cecilie goes back and changes an answer; the review shows the change.
        q = chat.press("cecilie", button(chat.inbox("cecilie"), "q.start"));
        q = chat.press("cecilie", answerButton(q, 1));
        q = chat.press("cecilie", button(q, "q.back"));
        assertThat(question(q).number()).isEqualTo(1);
        assertThat(question(q).selected()).isEqualTo("1");
        answerRest("cecilie", q, staffValue("cecilie"));

        // Dennis writes comments (one with markup) before submitting.
        q = chat.press("dennis", button(chat.inbox("dennis"), "q.start"));
        List<Message> form = chat.press("dennis", button(q, "q.comment"));
        q = chat.submit("dennis", TestChat.form(form), Map.of("comment", "<!channel> Planen er <b>uklar</b>"));
        assertThat(question(q).number()).isEqualTo(1);
        answerRest("dennis", q, staffValue("dennis"));

        for (String user : STAFF) {
            if (List.of("anna", "bo", "cecilie", "dennis").contains(user)) continue;
            answerAll(user, staffValue(user));
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
        // Closing is final, so it asks first; the button confirms, and a second press changes nothing.
        List<Message> confirm = chat.say("tina", "luk 1");
        assertThat(text(confirm)).contains("endelig", "13 af 15");
        assertThat(app.store().measurement(DemoSeed.ORG, 1).orElseThrow().status()).isEqualTo(MeasurementStatus.OPEN);
        assertThat(text(chat.press("tina", button(confirm, "m.close")))).contains("lukket");
        assertThat(text(chat.press("tina", button(confirm, "m.close")))).contains("ikke åben");
        assertThat(app.store().measurement(DemoSeed.ORG, 1).orElseThrow().status()).isEqualTo(MeasurementStatus.CLOSED);
        assertThat(text(chat.press("jonas", answerButton(q, 3)))).contains("lukket", "ikke gemt");
        assertThat(app.store().responses(DemoSeed.ORG, 1)).hasSize(13);
        assertThat(app.store().draft(DemoSeed.ORG, 1, "jonas")).isEmpty();
        // His open question was replaced: no draft answer stays in his conversation.
        app.dispatcher().drain();
        assertThat(text(chat.inbox("jonas"))).contains("er lukket. Svar, der ikke var indsendt, er slettet");
        assertThat(chat.inbox("jonas")).noneMatch(m -> m.blocks().stream().anyMatch(b -> b instanceof Block.Question));

        // The team leader reads the anonymised summary: staff figures exact, leaders (2 < 5) not shown at all.
        Questionnaire staffForm = ContentLoader.loadDefault().questionnaire(Stage.OPSTART, Audience.SAGSBEHANDLERE);
        List<Message> summary = chat.say("lars", "rapport 1");
        assertThat(summary).hasSize(1);
        assertThat(text(summary)).contains("Ledelsen: For få besvarelser", "11 af 12 har svaret", "Detaljer").doesNotContain("uklar");
        Block.Image chart = TestChat.blocks(summary, Block.Image.class).get(0);
        assertThat(chart.alt()).contains("medarbejdere: gennemsnit").doesNotContain("ledelsen");
        assertThat(chart.url()).matches("/files/[A-Za-z0-9_-]{22}/maaling-1-temaer\\.png");
        if (transport == Transport.HTTP) {
            assertThat(fetch(chart.url())).startsWith(PNG);
            assertThat(status(chart.url().replaceFirst("/files/.{6}", "/files/AAAAAA"))).isEqualTo(404);
        }
        List<Message> report = chat.press("lars", button(summary, ReportActions.DETAILS));
        assertThat(text(report)).contains("Ledelsen: For få besvarelser", "11 af 12 har svaret", "<!channel> Planen er <b>uklar</b>");
        List<Block.Bars> bars = TestChat.blocks(report, Block.Bars.class);
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).title()).startsWith("Medarbejdere");
        for (Theme theme : staffForm.themes()) {
            Block.Bar bar = bars.get(0).bars().stream().filter(b -> b.label().equals(theme.title().da())).findFirst().orElseThrow();
            assertThat(bar.value()).as(theme.id()).isCloseTo(expectedStaffThemeMean(staffForm, theme.id(), 0), within(1e-9));
            assertThat(bar.max()).isEqualTo(5.0);
        }
        assertThat(text(chat.say("anna", "rapport 1"))).contains("Kun tovholdere og teamledere");
        // Asked in the channel, the summary and the details (with their comments) go to the asker only.
        int shownBefore = chat.inbox("lars").size();
        assertThat(text(chat.sayIn("team-nord", "lars", "rapport 1"))).contains("private samtale").doesNotContain("uklar");
        assertThat(text(chat.sayIn("team-nord", "lars", "rapport 1 detaljer"))).contains("private samtale").doesNotContain("uklar");
        app.dispatcher().drain();
        List<Message> delivered = chat.inbox("lars").subList(shownBefore, chat.inbox("lars").size());
        assertThat(text(delivered)).contains("Resultater: Team Nord efterår", "Planen er <b>uklar</b>");
        assertThat(TestChat.blocks(delivered, Block.Image.class)).isNotEmpty();
        // Lene leads team Syd: team Nord's measurement is not hers to read, compare, export or post, not even in her channel.
        for (String command : List.of("rapport 1", "rapport 1 detaljer", "eksport 1 csv", "sammenlign 1 1", "del 1 #team-syd", "status 1")) {
            assertThat(text(chat.say("lene", command))).as(command).contains("hører til et team, du ikke er teamleder for");
        }
        assertThat(text(chat.say("lars", "del 1 #team-syd"))).contains("ikke teamleder for #team-syd");
        assertThat(text(chat.say("lene", "målinger"))).doesNotContain("Team Nord");
        assertThat(text(chat.conversation("team-nord"))).doesNotContain("uklar");

        // Posted in the team channel: no comments, and the team-meeting questions of the two themes with the
        // lowest staff means (ties keep questionnaire order), not those of the best one.
        assertThat(text(chat.say("lars", "del 1"))).contains("#team-nord");
        app.dispatcher().drain();
        String channel = text(chat.conversation("team-nord"));
        var guide = ContentLoader.loadDefault().teamMeeting();
        List<Theme> byMean = staffForm.themes().stream()
                .sorted(Comparator.comparingDouble((Theme t) -> expectedStaffThemeMean(staffForm, t.id(), 0)).reversed()).toList();
        assertThat(channel).contains("Til teammødet", "Behov for ekstra fokus",
                guide.questions(byMean.get(byMean.size() - 1).id()).get(0).da(),
                guide.questions(byMean.get(byMean.size() - 2).id()).get(0).da())
                .doesNotContain("Planen er", guide.questions(byMean.get(0).id()).get(0).da(), "Svageste");
        // The post carries the summary's theme chart, hosted the same way, with the same anonymity.
        List<Block.Image> posted = TestChat.blocks(chat.conversation("team-nord"), Block.Image.class);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).alt()).contains("medarbejdere: gennemsnit").doesNotContain("ledelsen");
        assertThat(posted.get(0).url()).matches("/files/[A-Za-z0-9_-]{22}/maaling-1-temaer\\.png");
        if (transport == Transport.HTTP) assertThat(fetch(posted.get(0).url())).startsWith(PNG);

        // Repeat with the same people; everyone on staff answers one step higher; compare.
        assertThat(text(chat.say("tina", "gentag 1 18-12-2026"))).contains("Måling 2", "antal: 15");
        chat.say("tina", "start 2");
        app.dispatcher().drain();
        for (String user : STAFF) {
            IntUnaryOperator base = staffValue(user);
            answerAll(user, k -> Math.min(5, base.applyAsInt(k) + 1), 2);
        }
        for (String leader : List.of("lars", "lene", "lotte")) answerAll(leader, k -> 2, 2);
        chat.say("tina", "luk 2 bekræft");
        // Lowering the minimum after the fact does not reveal the three leaders: the round promised 5.
        assertThat(text(chat.say("tina", "indstil minimum 3"))).contains("3");
        List<Block.Image> charts = TestChat.blocks(chat.say("lars", "rapport 2"), Block.Image.class);
        assertThat(charts).extracting(Block.Image::url).allMatch(url -> url.startsWith("/files/"));
        assertThat(charts).hasSize(2);
        assertThat(charts.get(1).alt()).contains("Diagram over udviklingen for medarbejdere over målingerne 1, 2").doesNotContain("ledelsen", "Ledelsen");
        List<Message> compared = chat.say("lars", "rapport 2 detaljer");
        assertThat(text(compared)).contains("Udvikling siden måling 1", "Ledelsen: For få besvarelser");
        assertThat(TestChat.blocks(compared, Block.Bars.class)).hasSize(1);
        Block.Bar it = TestChat.blocks(compared, Block.Bars.class).get(0).bars().get(0);
        assertThat(it.value()).isCloseTo(expectedStaffThemeMean(staffForm, "it-understoettelse", 1), within(1e-9));
        assertThat(text(chat.say("lars", "sammenlign 2 1 detaljer"))).contains("Udvikling siden måling 1");
        assertThat(text(chat.say("lars", "rapport 3"))).contains("ingen måling nummer 3");

        // Exports: a file each, for coordinators and team leaders only; the three leaders appear in neither.
        Block.File pdf = TestChat.blocks(chat.say("lars", "eksport 2 pdf"), Block.File.class).get(0);
        assertThat(pdf.name()).isEqualTo("maaling-2.pdf");
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        Block.File csv = TestChat.blocks(chat.say("tina", "export 2 csv"), Block.File.class).get(0);
        assertThat(csv.mediaType()).startsWith("text/csv");
        assertThat(text(chat.say("anna", "eksport 2 csv"))).contains("Kun tovholdere og teamledere");
        assertThat(text(chat.say("lars", "eksport 2 xls"))).contains("eksport 3 pdf");
        if (transport == Transport.HTTP) {
            assertThat(new String(fetch(pdf.url()), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            String table = new String(fetch(csv.url()), StandardCharsets.UTF_8);
            assertThat(table).startsWith("\uFEFFgruppe;niveau;").contains("Medarbejdere;tema;IT-understøttelse;")
                    .doesNotContain("\r\nLedelsen;");
            // Links expire.
            clock.set(clock.instant().plus(Duration.ofDays(8)).atZone(BarometerApp.ZONE));
            assertThat(status(csv.url())).isEqualTo(404);
        }
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    byte[] fetch(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    int status(String path) {
        return get(path).statusCode();
    }

    HttpResponse<byte[]> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void answerAll(String user, IntUnaryOperator value) {
        answerAll(user, value, 1);
    }

    void answerAll(String user, IntUnaryOperator value, int measurement) {
        chat.answerAll(user, value, measurement);
    }

    void answerRest(String user, List<Message> shown, IntUnaryOperator value) {
        chat.answerRest(user, shown, value);
    }
}
