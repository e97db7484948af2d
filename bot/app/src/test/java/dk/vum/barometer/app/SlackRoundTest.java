package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.questionnaire.RespondentFlow;
import dk.vum.barometer.slack.SlackSettings;
import dk.vum.barometer.slack.blockkit.BlockKit;
import dk.vum.barometer.slack.blockkit.Modals;
import dk.vum.barometer.slack.http.RequestSignature;
import dk.vum.barometer.slack.testing.SignedSlack;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import static dk.vum.barometer.app.SlackWorkspace.answerButton;
import static dk.vum.barometer.app.SlackWorkspace.button;
import static dk.vum.barometer.app.SlackWorkspace.dm;
import static dk.vum.barometer.app.SlackWorkspace.hasQuestion;
import static dk.vum.barometer.app.SlackWorkspace.questionNumber;
import static dk.vum.barometer.app.SlackWorkspace.text;
import static dk.vum.barometer.app.SlackWorkspace.values;
import static dk.vum.barometer.slack.testing.SignedSlack.FORM;
import static dk.vum.barometer.slack.testing.SignedSlack.JSON_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole round played in Slack through signed payloads into the running app, against the Web API stub:
 * the coordinator's commands and modals, invitations through the outbox, answers by button with the
 * questionnaire updated in place, a comment with mrkdwn injection, a double click and a retried event,
 * close, and the summary posted to the results channel. The same round is played in the local web chat
 * on the same app; the two posted summaries are the same Block Kit.
 */
class SlackRoundTest {

    static final String SECRET = "round-signing-secret";
    static final OrgId SLACK_ORG = OrgId.of(Platform.SLACK, SlackApiStub.TEAM);
    static final String RESULTS = "C0RESULTS";
    static final String INJECTION = "<!channel> <@U123> <https://evil|klik>";
    static final List<String> LEADERS = IntStream.rangeClosed(1, 5).mapToObj(i -> "U0L" + i).toList();
    static final List<String> STAFF = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("U0C%02d", i)).toList();

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(RoundConversationTest.TUESDAY_MORNING);
    SlackApiStub stub;
    SlackSettings settings;
    BarometerApp app;
    SlackWorkspace slack;

    @BeforeEach
    void start() {
        stub = SlackApiStub.start();
        settings = new SlackSettings("xoxb-test", SECRET, null, stub.apiUrl(), Duration.ZERO, Duration.ZERO);
        app = new BarometerApp(AppConfig.forTest(data).withSlack(settings), clock).start();
        slack = new SlackWorkspace(stub, app.port(), SECRET, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        stub.close();
    }

    /** Staff member i answers question k with (i + k) % 5 + 1; leaders answer 4. */
    static IntUnaryOperator value(int staffIndex) {
        return k -> staffIndex < 0 ? 4 : (staffIndex + k) % 5 + 1;
    }

    @Test
    void aWholeRoundInSlackGivesTheSameSummaryAsInTheLocalChat() {
        String tina = "U0TINA";
        assertThat(text(slack.command(tina, SetupCodeFile.setup(data)))).contains("tovholder");

        // A new measurement through the modal, with Slack's channel picker and date picker.
        JsonNode modal = slack.commandOpeningModal(tina, "ny");
        assertThat(modal.toString()).contains("conversations_select", "datepicker");
        var newValues = values();
        SlackWorkspace.text(newValues, "name", "Team Nord efterår");
        SlackWorkspace.select(newValues, "stage", "opstart");
        SlackWorkspace.date(newValues, "deadline", "2026-12-11");
        SlackWorkspace.conversation(newValues, "channel", RESULTS);
        assertThat(text(slack.submit(tina, modal, newValues))).contains("Måling 1", "Team Nord efterår");

        // Leaders by text with Slack's escaped mentions; caseworkers through the modal's people picker.
        String mentions = String.join(" ", LEADERS.stream().map(u -> "<@" + u + "|" + u.toLowerCase() + ">").toList());
        // Names come from users.info, so the answer lists people, not Slack ids.
        assertThat(text(slack.command(tina, "tilføj 1 leder " + mentions))).contains("5 ledere", "Person U0L1, Person U0L2");
        JsonNode addModal = slack.commandOpeningModal(tina, "tilføj");
        assertThat(addModal.toString()).contains("multi_users_select");
        var addValues = values();
        SlackWorkspace.select(addValues, "measurement", "1");
        SlackWorkspace.select(addValues, "role", "sagsbehandler");
        SlackWorkspace.users(addValues, "users", STAFF);
        assertThat(text(slack.submit(tina, addModal, addValues))).contains("10 sagsbehandlere");

        // Start: the invitations go through the outbox as DMs (conversations.open + chat.postMessage).
        assertThat(text(slack.command(tina, "start 1"))).contains("15");
        app.dispatcher().drain();
        for (String user : concat(LEADERS, STAFF)) {
            JsonNode invitation = slack.awaitPosts(dm(user), 1);
            assertThat(text(invitation)).contains("Team Nord efterår");
        }
        assertThat(stub.accepted("conversations.open")).extracting(c -> c.param("users")).containsAll(STAFF);

        // Everyone answers by button; the questionnaire is one message, updated in place.
        for (int i = 0; i < LEADERS.size(); i++) answerAll(LEADERS.get(i), value(-1), false);
        for (int i = 0; i < STAFF.size(); i++) answerAll(STAFF.get(i), value(i), i == 3);
        assertThat(slack.posts(dm(STAFF.get(0)))).extracting(SlackApiStub.Call::method)
                .startsWith("chat.postMessage", "chat.postMessage").containsOnly("chat.postMessage", "chat.update")
                .filteredOn("chat.postMessage"::equals).hasSize(2);
        assertThat(app.store().responses(SLACK_ORG, 1)).as("sealed, not yet mixed: 10 and 5 are below twice the minimum")
                .isEmpty();

        assertThat(text(slack.command(tina, "luk 1 bekræft"))).contains("lukket");
        assertThat(app.store().responses(SLACK_ORG, 1)).hasSize(15);
        assertThat(app.store().measurement(SLACK_ORG, 1).orElseThrow().status()).isEqualTo(MeasurementStatus.CLOSED);

        // The summary's chart is uploaded into the DM after its text (files:write; no public URL needed),
        // an export too: as Slack files with the bytes the bot serves.
        JsonNode summary = slack.command(tina, "rapport 1");
        assertThat(text(summary)).contains("Gennemsnit pr. tema", "Ledelsen");
        SlackApiStub.Call chartUpload = stub.await("files.getUploadURLExternal", c -> c.param("filename").endsWith("-temaer.png"));
        assertThat(chartUpload.param("alt_txt")).startsWith("Diagram over svarfordelingen pr. tema");
        SlackApiStub.Call shared = stub.await("files.completeUploadExternal", c -> true);
        assertThat(shared.param("channel_id")).isEqualTo(dm(tina));
        assertThat(stub.uploaded(shared.json("files").path(0).path("id").asText())).startsWith(0x89, 'P', 'N', 'G');
        slack.command(tina, "eksport 1 pdf");
        stub.await("files.getUploadURLExternal", c -> c.param("filename").equals("maaling-1.pdf"));
        SlackApiStub.Call pdf = stub.await("files.completeUploadExternal", c -> c.param("files").contains("maaling-1.pdf"));
        assertThat(pdf.param("channel_id")).isEqualTo(dm(tina));
        assertThat(new String(stub.uploaded(pdf.json("files").path(0).path("id").asText()), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        // The comment written with mrkdwn control characters is shown as text, never as a mention or link.
        // The details are longer than Slack's 50 blocks a message: they continue in further messages, all
        // posted before the next command's answer (one user's events are handled in order).
        int mark = slack.posts(dm(tina)).size();
        slack.command(tina, "rapport 1 detaljer");
        slack.command(tina, "hjælp");
        List<SlackApiStub.Call> shown = slack.postsUntil(dm(tina), mark, c -> c.param("text").contains("kommandoer"));
        assertThat(shown).hasSizeGreaterThan(1);
        String report = shown.stream().map(c -> c.json("blocks").toString()).reduce("", String::concat);
        assertThat(report).contains("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|klik&gt;")
                .doesNotContain("<!channel>", "<@U123>", "<https://evil");

        slack.command(tina, "del 1");
        app.dispatcher().drain();
        JsonNode posted = slack.awaitPosts(RESULTS, 1);
        // The post's theme chart follows it into the channel as an upload, as in a DM.
        SlackApiStub.Call channelChart = stub.await("files.completeUploadExternal", c -> RESULTS.equals(c.param("channel_id")));
        assertThat(stub.uploaded(channelChart.json("files").path(0).path("id").asText())).startsWith(0x89, 'P', 'N', 'G');

        // A channel without the bot refuses the post: the one who asked is told why and how to fix it, once.
        int before = slack.posts(dm(tina)).size();
        slack.command(tina, "del 1 <#C0OUTSIDE|ude>");
        app.dispatcher().drain();
        assertThat(text(slack.awaitPosts(dm(tina), before + 2))).contains("#C0OUTSIDE", "/invite @Barometer");
        assertThat(slack.posts(dm(tina))).hasSize(before + 2);

        // The same round in the local web chat, on the same app and clock.
        Message local = localRound();
        JsonNode expected = blockKit(local);
        assertThat(posted).isEqualTo(expected);
        assertThat(text(posted)).contains("Medarbejdere", "Ledelse");
        assertThat(TestChat.blocks(List.of(local), Block.Bars.class)).isNotEmpty();
    }

    @Test
    void aModalWithAPastDeadlineOrAChannelTheBotCannotUseAnswersErrorsOnTheOpenModal() throws Exception {
        String tina = "U0TINA";
        slack.command(tina, SetupCodeFile.setup(data));
        JsonNode modal = slack.commandOpeningModal(tina, "ny");
        String viewId = "V0NEW";
        var values = values();
        SlackWorkspace.text(values, "name", "Forkert frist");
        SlackWorkspace.select(values, "stage", "opstart");
        SlackWorkspace.date(values, "deadline", "2026-11-30");
        SlackWorkspace.conversation(values, "channel", "C0PUBLIC");
        String metadata = modal.path("private_metadata").asText();

        // The deadline is yesterday: the modal stays open with the error at the date picker; nothing is created.
        var response = slack.slack.post(slack.slack.viewSubmission(tina, viewId, Modals.FORM_CALLBACK, metadata, values), FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = new ObjectMapper().readTree(response.body());
        assertThat(ack.path("response_action").asText()).isEqualTo("errors");
        assertThat(ack.path("errors").path("deadline").asText()).contains("fortiden");
        assertThat(app.store().measurements(SLACK_ORG)).isEmpty();

        // A private channel the bot is not in: the error sits at the channel picker, with the fix.
        SlackWorkspace.date(values, "deadline", "2026-12-11");
        SlackWorkspace.conversation(values, "channel", "G0SECRET");
        response = slack.slack.post(slack.slack.viewSubmission(tina, viewId, Modals.FORM_CALLBACK, metadata, values), FORM);
        assertThat(new ObjectMapper().readTree(response.body()).path("errors").path("channel").asText()).contains("/invite @Barometer");
        assertThat(app.store().measurements(SLACK_ORG)).isEmpty();

        // Corrected, the same modal goes through; the public channel is joined so the summary can be posted.
        SlackWorkspace.conversation(values, "channel", "C0PUBLIC");
        assertThat(text(slack.answerIn(dm(tina), () -> assertThat(slack.slack.post(slack.slack.viewSubmission(tina, viewId,
                Modals.FORM_CALLBACK, metadata, values), FORM).body()).isEmpty()))).contains("Måling 1");
        assertThat(stub.accepted("conversations.join")).extracting(c -> c.param("channel")).containsExactly("C0PUBLIC");
        assertThat(app.store().measurement(SLACK_ORG, 1).orElseThrow().resultsChannel()).isEqualTo("C0PUBLIC");
    }

    @Test
    void theCommentModalAcceptsNoMoreThanTheBotKeeps() {
        slack.command("U0TINA", SetupCodeFile.setup(data));
        slack.command("U0TINA", "ny \"Kommentar\" opstart 11-12-2026");
        slack.command("U0TINA", "tilføj 1 sagsbehandler <@U0ANNA>");
        slack.command("U0TINA", "start 1");
        app.dispatcher().drain();
        JsonNode question = slack.press("U0ANNA", button(slack.awaitPosts(dm("U0ANNA"), 1), "q.start"));
        JsonNode modal = slack.pressOpeningModal("U0ANNA", button(question, "q.comment"));
        assertThat(modal.toString()).contains("\"max_length\":" + RespondentFlow.MAX_COMMENT_LENGTH);
    }

    @Test
    void mistakesInSlackAreCaughtAndTheChosenAnswerStaysMarked() {
        String tina = "U0TINA";
        String anna = "U0ANNA";
        slack.command(tina, SetupCodeFile.setup(data));
        // Plain "#name" and "@name" are none Slack knows (it escapes real ones): refused, nothing created.
        assertThat(text(slack.command(tina, "ny \"X\" opstart 11-12-2026 #findesikke"))).contains("kender ikke kanalen");
        assertThat(app.store().measurements(SLACK_ORG)).isEmpty();

        // The same modal submitted twice creates one measurement.
        JsonNode modal = slack.commandOpeningModal(tina, "ny");
        var newValues = values();
        SlackWorkspace.text(newValues, "name", "Dobbelt");
        SlackWorkspace.select(newValues, "stage", "opstart");
        SlackWorkspace.date(newValues, "deadline", "2026-12-11");
        assertThat(text(slack.submit(tina, modal, newValues))).contains("Måling 1");
        assertThat(text(slack.submit(tina, modal, newValues))).contains("allerede sendt");
        assertThat(app.store().measurements(SLACK_ORG)).hasSize(1);

        assertThat(text(slack.command(tina, "tilføj 1 sagsbehandler @xavier"))).contains("kender ikke @xavier");
        assertThat(app.store().respondents(SLACK_ORG, 1)).isEmpty();
        slack.command(tina, "tilføj 1 sagsbehandler <@" + anna + ">");
        slack.command(tina, "start 1");
        app.dispatcher().drain();
        JsonNode invitation = slack.awaitPosts(dm(anna), 1);

        // Back to an answered question: the chosen answer is the primary button, with a check mark.
        JsonNode q = slack.press(anna, button(invitation, "q.start"));
        q = slack.press(anna, answerButton(q, 3));
        q = slack.press(anna, button(q, "q.back"));
        assertThat(questionNumber(q)).isEqualTo(1);
        assertThat(answerButton(q, 3).path("style").asText()).isEqualTo("primary");
        assertThat(answerButton(q, 3).path("text").path("text").asText()).startsWith("✓ ");
        assertThat(answerButton(q, 4).has("style")).isFalse();

        // A typed answer: the old message becomes a note, and the next question is posted anew below.
        int before = slack.posts(dm(anna)).size();
        slack.slack.post(slack.slack.directMessage(anna, "4", "Ev0TYPED"), JSON_TYPE);
        JsonNode reposted = slack.awaitPosts(dm(anna), before + 2);
        List<SlackApiStub.Call> after = slack.posts(dm(anna)).subList(before, before + 2);
        assertThat(after).extracting(SlackApiStub.Call::method).containsExactly("chat.update", "chat.postMessage");
        assertThat(after.get(0).json("blocks").toString()).contains("fortsætter nederst").doesNotContain("q.answer");
        assertThat(questionNumber(reposted)).isEqualTo(2);
        // The next click updates the reposted message, the one in view.
        slack.press(anna, answerButton(reposted, 5));
        SlackApiStub.Call update = slack.posts(dm(anna)).get(before + 2);
        assertThat(update.method()).isEqualTo("chat.update");
        assertThat(update.param("ts")).isNotEqualTo(after.get(0).param("ts"));
    }

    @Test
    void forgedStaleAndMalformedRequestsChangeNothing() {
        String body = slack.slack.command("U0EVE", dm("U0EVE"), "opsæt", stub.responseUrl("eve"));
        String fresh = String.valueOf(clock.instant().getEpochSecond());
        String stale = String.valueOf(clock.instant().minusSeconds(400).getEpochSecond());
        assertThat(slack.slack.post(body, FORM, Map.of()).statusCode()).isEqualTo(401);
        assertThat(slack.slack.post(body, FORM, Map.of(RequestSignature.TIMESTAMP_HEADER, fresh,
                RequestSignature.SIGNATURE_HEADER, "v0=" + "ab".repeat(32))).statusCode()).isEqualTo(401);
        assertThat(slack.slack.post(body, FORM, Map.of(RequestSignature.TIMESTAMP_HEADER, stale,
                RequestSignature.SIGNATURE_HEADER, slack.slack.sign(stale, body))).statusCode()).isEqualTo(401);
        assertThat(slack.slack.post("payload=%7B%22type%22%3A%22view_submission%22%2C%22team%22%3A%7B%22id%22%3A%22"
                + SlackApiStub.TEAM + "%22%7D%7D", FORM).statusCode()).isBetween(400, 499);
        assertThat(slack.slack.post("{\"type\":\"event_callback\"", JSON_TYPE).statusCode()).isBetween(400, 499);
        assertThat(app.store().roleHolders(SLACK_ORG)).isEmpty();
        assertThat(stub.calls()).extracting(SlackApiStub.Call::method).containsOnly("auth.test");

        // The same request signed goes through: the refusals were the signature's and the payload's doing.
        assertThat(text(slack.command("U0EVE", SetupCodeFile.setup(data)))).contains("tovholder");
        assertThat(app.store().roleHolders(SLACK_ORG)).containsKey("U0EVE");
    }

    @Test
    void aRetriedEventAndADoubleClickAreProcessedOnce() {
        String anna = "U0ANNA";
        slack.command("U0TINA", SetupCodeFile.setup(data));
        slack.command("U0TINA", "ny \"Retry\" opstart 11-12-2026");
        slack.command("U0TINA", "tilføj 1 sagsbehandler <@" + anna + ">");
        slack.command("U0TINA", "start 1");
        app.dispatcher().drain();
        JsonNode invitation = slack.awaitPosts(dm(anna), 1);

        // The App Home: the coordinator sees the measurement's response rate, Anna her open questionnaire.
        assertThat(home("U0TINA").toString()).contains("Retry", "0 af 1 (0 %)");
        JsonNode annasHome = home(anna);
        assertThat(annasHome.toString()).contains("Dine spørgeskemaer", "Retry");
        assertThat(SlackWorkspace.button(annasHome.path("blocks"), "q.start").path("value").asText()).isEqualTo("1");

        // Slack retries an event it thinks was lost: same event_id, with X-Slack-Retry-Num.
        String event = slack.slack.directMessage(anna, "hjælp", "Ev0RETRIED");
        slack.answerIn(dm(anna), () -> slack.slack.post(event, JSON_TYPE));
        String ts = String.valueOf(clock.instant().getEpochSecond());
        slack.slack.post(event, JSON_TYPE, Map.of(RequestSignature.TIMESTAMP_HEADER, ts,
                RequestSignature.SIGNATURE_HEADER, slack.slack.sign(ts, event), "X-Slack-Retry-Num", "1"));
        // A click delivered twice (same action_ts), then a second, distinct click on the same answer.
        JsonNode question = slack.press(anna, button(invitation, "q.start"));
        int before = slack.posts(dm(anna)).size();
        JsonNode one = answerButton(question, 3);
        slack.click(anna, one, "1700000700.1");
        slack.click(anna, one, "1700000700.1");
        slack.click(anna, one, "1700000700.2");
        slack.slack.post(slack.slack.directMessage(anna, "pause", "Ev0LAST"), JSON_TYPE);
        // One user's events are handled in order: once "pause" is answered, everything before it was handled.
        JsonNode paused = slack.awaitPosts(dm(anna), before + 3);
        assertThat(text(paused)).contains("1 af");
        assertThat(slack.posts(dm(anna))).hasSize(before + 3);
        // The help came once; the first question was answered once, and the second click found question 2.
        assertThat(slack.posts(dm(anna)).stream().filter(c -> c.param("text").contains("kommandoer"))).hasSize(1);
    }

    /** Opens the App Home tab as the user; returns the view the bot published. */
    private JsonNode home(String user) {
        int before = (int) stub.accepted("views.publish").stream().filter(c -> user.equals(c.param("user_id"))).count();
        var event = SignedSlack.JSON.createObjectNode().put("type", "app_home_opened").put("user", user)
                .put("channel", dm(user)).put("tab", "home").put("event_ts", "1700000800.1");
        assertThat(slack.slack.post(slack.slack.event(event, "Ev0HOME" + SignedSlack.next()), JSON_TYPE).statusCode()).isEqualTo(200);
        return stub.await("views.publish", c -> user.equals(c.param("user_id")), before + 1).json("view");
    }

    @Test
    void aFreshWorkspaceHasNoCoordinatorUntilSomeoneBringsTheSetupCode() {
        assertThat(text(slack.command("U0EVE", "opsæt"))).contains("opsæt &lt;kode&gt;", "setup-code.txt", "Intet er ændret");
        assertThat(text(slack.command("U0EVE", "ny \"Min\" opstart 11-12-2026"))).contains("ingen tovholder");
        assertThat(app.store().roleHolders(SLACK_ORG)).isEmpty();

        String setup = SetupCodeFile.setup(data);
        assertThat(text(slack.command("U0TINA", setup))).contains("Du er nu tovholder");
        assertThat(text(slack.command("U0EVE", setup))).contains("allerede sat op");
        assertThat(app.store().roleHolders(SLACK_ORG)).containsOnlyKeys("U0TINA");
    }

    @Test
    void whenSlackFailsForOneRespondentNothingHoldsTheirAnswersAndTheirConversationEndsWithTheThanks() throws Exception {
        String anna = "U0ANNA";
        String secret = "HEMMELIG-" + java.util.UUID.randomUUID();
        // The test sends the outbox itself, so every post in Anna's conversation is the answer to her step.
        app.close();
        app = new BarometerApp(AppConfig.forTest(data).withSlack(settings).withOutboxInterval(Duration.ofHours(1)), clock).start();
        slack = new SlackWorkspace(stub, app.port(), SECRET, clock);
        slack.command("U0TINA", SetupCodeFile.setup(data));
        slack.command("U0TINA", "ny \"Svigt\" opstart 11-12-2026");
        slack.command("U0TINA", "tilføj 1 sagsbehandler <@" + anna + ">");
        slack.command("U0TINA", "start 1");
        app.dispatcher().drain();
        JsonNode q = slack.press(anna, button(slack.awaitPosts(dm(anna), 1), "q.start"));
        q = slack.press(anna, answerButton(q, 3));

        // From here Slack answers every call in Anna's conversation with HTTP 500; the buttons she pressed
        // are the ones in the messages the bot tried to show.
        stub.failIn(dm(anna));
        JsonNode modal = slack.pressOpeningModal(anna, button(q, "q.comment"));
        q = slack.submit(anna, modal, SlackWorkspace.text(values(), "comment", secret));
        while (hasQuestion(q)) q = slack.press(anna, answerButton(q, 4));
        assertThat(text(q)).contains("Gennemse dine svar", secret);
        assertThat(text(slack.press(anna, button(q, "q.submit")))).contains("Tak for din besvarelse");
        assertThat(app.store().respondent(SLACK_ORG, 1, anna).orElseThrow().status().name()).isEqualTo("SUBMITTED");
        assertNoFileHolds(secret, "Din kommentar:");

        stub.failIn();
        clock.advance(Duration.ofHours(1));
        app.dispatcher().drain();
        assertThat(text(slack.latest(dm(anna)))).contains("Tak for din besvarelse").doesNotContain(secret);
        assertNoFileHolds(secret, "Din kommentar:");
        assertThat(app.store().close(SLACK_ORG, 1)).isTrue();
        assertThat(app.store().comments(SLACK_ORG, 1)).extracting(c -> c.text()).containsExactly(secret);
    }

    /** Reads the data folder's files as whoever copies them would (db, WAL, shared memory). */
    private void assertNoFileHolds(String... texts) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(data)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
                for (String t : texts) assertThat(bytes).as(file.getFileName() + " holds " + t).doesNotContain(t);
            }
        }
    }

    /** From the newest invitation to the thanks, answering every question by button. */
    private void answerAll(String user, IntUnaryOperator value, boolean comment) {
        JsonNode q = slack.press(user, button(slack.latest(dm(user)), "q.start"));
        if (comment) {
            JsonNode modal = slack.pressOpeningModal(user, button(q, "q.comment"));
            q = slack.submit(user, modal, SlackWorkspace.text(values(), "comment", INJECTION));
            assertThat(questionNumber(q)).isEqualTo(1);
        }
        while (hasQuestion(q)) q = slack.press(user, answerButton(q, value.applyAsInt(questionNumber(q))));
        assertThat(text(q)).contains("Gennemse dine svar");
        assertThat(text(slack.press(user, button(q, "q.submit")))).contains("Tak for din besvarelse");
    }

    /** The same round in the local web chat; returns the summary posted in the results channel. */
    private Message localRound() {
        TestChat chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
        List<String> leaders = LEADERS.stream().map(String::toLowerCase).toList();
        List<String> staff = STAFF.stream().map(String::toLowerCase).toList();
        // The local organisation knows these people, as a platform would: unknown ones are refused.
        concat(leaders, staff).forEach(u -> app.store().upsertUser(DemoSeed.ORG, u, u));
        assertThat(TestChat.text(chat.say("tina", SetupCodeFile.setup(data)))).contains("tovholder");
        // The local chat has only its own channels: the summary goes to #team-nord there.
        assertThat(TestChat.text(chat.say("tina", "ny \"Team Nord efterår\" opstart 11-12-2026 #team-nord"))).contains("Måling 1");
        chat.say("tina", "tilføj 1 leder " + String.join(" ", leaders.stream().map(u -> "@" + u).toList()));
        chat.say("tina", "tilføj 1 sagsbehandler " + String.join(" ", staff.stream().map(u -> "@" + u).toList()));
        assertThat(TestChat.text(chat.say("tina", "start 1"))).contains("15");
        for (String user : concat(leaders, staff)) awaitLocal(chat, "dm:" + user);
        for (String leader : leaders) answerLocal(chat, leader, value(-1), false);
        for (int i = 0; i < staff.size(); i++) answerLocal(chat, staff.get(i), value(i), i == 3);
        assertThat(TestChat.text(chat.say("tina", "luk 1 bekræft"))).contains("lukket");
        assertThat(TestChat.text(chat.say("tina", "del 1"))).contains("team-nord");
        List<Message> posted = awaitLocal(chat, "team-nord");
        assertThat(posted).hasSize(1);
        return posted.get(0);
    }

    /** The conversation once the outbox delivered to it: the background dispatcher may hold the message. */
    private List<Message> awaitLocal(TestChat chat, String conversation) {
        return Awaitility.await("the outbox delivers to " + conversation).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ZERO).until(() -> {
                    app.dispatcher().drain();
                    return chat.conversation(conversation);
                }, messages -> !messages.isEmpty());
    }

    private static void answerLocal(TestChat chat, String user, IntUnaryOperator value, boolean comment) {
        List<Message> q = chat.press(user, TestChat.button(chat.inbox(user), "q.start"));
        if (comment) q = chat.submit(user, TestChat.form(chat.press(user, TestChat.button(q, "q.comment"))), Map.of("comment", INJECTION));
        while (q.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> b instanceof Block.Question)) {
            q = chat.press(user, TestChat.answerButton(q, value.applyAsInt(TestChat.question(q).number())));
        }
        chat.press(user, TestChat.button(q, "q.submit"));
    }

    private static JsonNode blockKit(Message message) {
        try {
            return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(BlockKit.messages(message).get(0)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
