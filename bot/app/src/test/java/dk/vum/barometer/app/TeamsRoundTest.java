package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.app.teams.BotFrameworkStub;
import dk.vum.barometer.app.teams.TeamsClient;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.teams.card.AdaptiveCardRenderer;
import dk.vum.barometer.teams.card.Pickers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static dk.vum.barometer.app.TestChat.text;
import static dk.vum.barometer.app.teams.BotFrameworkStub.submitData;
import static dk.vum.barometer.app.teams.TeamsClient.personalConversation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole round played through Bot Framework activities against the Bot Connector stub: installation,
 * coordinator commands in the personal chat and with @mentions in a team channel, the new-measurement card
 * form, invitations through the outbox (one throttled with 429, one to a person without the app), answers
 * by card actions updating one card in place, a duplicate delivery, close, and the summary posted to the
 * channel. Its figures equal those of the same round played in the local web chat's organisation.
 */
class TeamsRoundTest extends TeamsHost {

    static final String TENANT = "tenant-nord";
    static final OrgId ORG = OrgId.of(Platform.TEAMS, TENANT);
    static final String CHANNEL = "19:nord@thread.tacv2";
    static final List<String> STAFF = List.of("anna", "bo", "cecilie", "dennis");
    /** Where Teams fetches the bot's charts; the test fetches them from the app itself. */
    static final String PUBLIC_URL = "https://barometer.kommune.test";
    static final Pattern PROGRESS = Pattern.compile("Spørgsmål (\\d+) af");

    @Override
    String tenant() {
        return TENANT;
    }

    @Override
    AppConfig config() {
        return super.config().withDemo(true).withFiles(new FilesConfig(PUBLIC_URL, Duration.ofDays(7)));
    }

    @Override
    boolean checksPacing() {
        return true;
    }

    static String id(String user) {
        return "29:" + user;
    }

    static String name(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1) + " Teams";
    }

    /** Staff member i answers question k with (i + k) % 5 + 1. */
    static IntUnaryOperator value(String user) {
        int i = STAFF.indexOf(user);
        return k -> (i + k) % 5 + 1;
    }

    @Test
    void wholeRoundThroughTeamsEqualsTheLocalRound() throws Exception {
        // Installation: each gets the help in their personal chat; the team channel gets it too.
        for (String user : List.of("tina", "anna", "bo", "cecilie", "dennis")) {
            assertThat(teams.post(teams.installPersonal(id(user), name(user)))).isEqualTo(200);
        }
        assertThat(teams.post(teams.installInTeam(CHANNEL, "Team Nord", id("tina"), name("tina")))).isEqualTo(200);
        stub.awaitCalls(6);
        assertThat(TeamsClient.text(last(personalConversation(id("anna"))))).contains("hjælp");

        assertThat(say("tina", SetupCodeFile.setup(data))).contains("tovholder");
        say("tina", "indstil minimum 3");

        // The new-measurement form as a card; the channel is offered by name; submitted like Teams does.
        String formId = sayAndGetCard("tina", "ny");
        JsonNode formCard = stub.activity(formId).orElseThrow().path("attachments").path(0).path("content");
        assertThat(formCard.toString()).contains("Input.Date", CHANNEL);
        ObjectNode submit = submitData(formCard, a -> a.path("data").path("formId").asText().equals("m.new"));
        submit.put("f.name", "Team Nord efterår").put("f.stage", "opstart").put("f.deadline", "2026-12-11").put("f.channel", CHANNEL);
        assertThat(press("tina", formId, submit)).contains("Måling 1", "Team Nord efterår");

        // Respondents added in the channel by @mention; Jonas has not installed the app and is named.
        int before = stub.calls().size();
        teams.post(teams.channelMessage(CHANNEL, id("tina"), name("tina"), "tilføj 1 sagsbehandler",
                id("anna"), name("anna"), id("bo"), name("bo"), id("cecilie"), name("cecilie"),
                id("dennis"), name("dennis"), id("jonas"), name("jonas")));
        stub.awaitCalls(before + 1);
        BotFrameworkStub.Call added = stub.calls().get(before);
        assertThat(added.conversationId()).startsWith(CHANNEL + ";messageid=");
        assertThat(TeamsClient.text(added.card())).contains("5 sagsbehandlere tilføjet", "Kan ikke nås", name("jonas"));

        // Start: invitations go through the outbox; Anna's first send is throttled and retried later.
        stub.failNext(c -> c.method().equals("POST") && personalConversation(id("anna")).equals(c.conversationId()), 429, "1");
        assertThat(say("tina", "start 1")).contains("respondenter: 5", name("jonas"));
        assertThat(app.dispatcher().drain()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(5));
        assertThat(app.dispatcher().drain()).isEqualTo(1);
        assertThat(stub.calls(c -> c.authorization() == null || !c.authorization().equals("Bearer " + BotFrameworkStub.ACCESS_TOKEN))).isEmpty();
        assertThat(app.store().failed(ORG)).hasSize(1);

        for (String user : STAFF) answerAll(user);

        assertThat(say("tina", "status 1")).contains("4 af 5");
        assertThat(say("tina", "luk 1 bekræft")).contains("lukket");
        // The summary in the personal chat shows the chart by its hosted URL, and the card stays under 28 KB;
        // an export is a button opening its link.
        JsonNode summary = card(stub.activity(sayAndGetCard("tina", "rapport 1")).orElseThrow());
        assertThat(summary.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
        JsonNode chart = StreamSupport.stream(summary.path("body").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("Image")).findFirst().orElseThrow();
        assertThat(chart.path("url").asText()).startsWith(PUBLIC_URL + "/files/").endsWith("/maaling-1-temaer.png")
                .doesNotContain("data:");
        assertThat(chart.path("altText").asText()).contains("medarbejdere: gennemsnit");
        assertThat(fetch(chart.path("url").asText())).startsWith(0x89, 'P', 'N', 'G');
        JsonNode export = card(stub.activity(sayAndGetCard("tina", "eksport 1 csv")).orElseThrow());
        String csvUrl = export.findValues("actions").stream().flatMap(a -> StreamSupport.stream(a.spliterator(), false))
                .filter(a -> a.path("type").asText().equals("Action.OpenUrl")).findFirst().orElseThrow().path("url").asText();
        assertThat(new String(fetch(csvUrl), StandardCharsets.UTF_8)).startsWith("\uFEFFgruppe;").contains("Medarbejdere;tema;");

        assertThat(say("tina", "del 1")).contains("#Team Nord").doesNotContain(CHANNEL);
        before = stub.calls().size();
        app.dispatcher().drain();
        stub.awaitCalls(before + 1);
        // A new thread in the channel: createConversation with the card as its first activity.
        BotFrameworkStub.Call post = stub.calls().get(stub.calls().size() - 1);
        assertThat(post.conversationId()).isNull();
        assertThat(post.body().path("isGroup").asBoolean()).isTrue();
        assertThat(post.body().path("channelData").path("channel").path("id").asText()).isEqualTo(CHANNEL);
        JsonNode posted = post.card();
        assertThat(stub.conversation(CHANNEL)).isNotEmpty();
        // The post shows the summary's theme chart by its hosted URL, within the card budget.
        assertThat(posted.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
        assertThat(StreamSupport.stream(posted.path("body").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("Image")).findFirst().orElseThrow().path("url").asText())
                .startsWith(PUBLIC_URL + "/files/").endsWith("/maaling-1-temaer.png");

        // The same round in the local web chat's organisation gives the same figures.
        assertThat(facts(posted)).isEqualTo(facts(localChannelPost()));
        assertThat(TeamsClient.text(posted)).contains("Team Nord efterår", "Medarbejdere");
        // The bot fetched its own token once and reused it for every call.
        assertThat(stub.tokenRequests()).isEqualTo(1);
    }

    @Test
    void mistakesInTeamsAreCaughtAndTheChosenAnswerStaysMarked() throws Exception {
        for (String user : List.of("tina", "anna")) teams.post(teams.installPersonal(id(user), name(user)));
        teams.post(teams.installInTeam(CHANNEL, "Team Nord", id("tina"), name("tina")));
        stub.awaitCalls(3);
        say("tina", SetupCodeFile.setup(data));

        // A channel the bot is not in, and a person Teams did not mention: refused, nothing created.
        assertThat(say("tina", "ny \"X\" opstart 11-12-2026 #findesikke")).contains("kender ikke kanalen");
        assertThat(app.store().measurements(ORG)).isEmpty();

        // The same card submitted twice creates one measurement.
        String formId = sayAndGetCard("tina", "ny");
        JsonNode formCard = stub.activity(formId).orElseThrow().path("attachments").path(0).path("content");
        ObjectNode submit = submitData(formCard, a -> a.path("data").path("formId").asText().equals("m.new"));
        submit.put("f.name", "Dobbelt").put("f.stage", "opstart").put("f.deadline", "2026-12-11").put("f.channel", CHANNEL);
        assertThat(press("tina", formId, submit)).contains("Måling 1");
        assertThat(press("tina", formId, submit)).contains("allerede sendt");
        assertThat(app.store().measurements(ORG)).hasSize(1);

        assertThat(say("tina", "tilføj 1 sagsbehandler @xavier")).contains("kender ikke @xavier");
        assertThat(app.store().respondents(ORG, 1)).isEmpty();
        int before = stub.calls().size();
        teams.post(teams.channelMessage(CHANNEL, id("tina"), name("tina"), "tilføj 1 sagsbehandler", id("anna"), name("anna")));
        stub.awaitCalls(before + 1);
        say("tina", "start 1");
        app.dispatcher().drain();

        // Back to an answered question: the chosen answer is marked (check mark, positive style).
        String conversation = personalConversation(id("anna"));
        JsonNode invitation = stub.conversation(conversation).stream()
                .filter(a -> a.toString().contains("q.start")).reduce((a, b) -> b).orElseThrow();
        String cardId = invitation.path("id").asText();
        press("anna", cardId, submitData(card(invitation), a -> a.path("data").path("action").asText().equals("q.start")));
        cardId = stub.conversation(conversation).get(stub.conversation(conversation).size() - 1).path("id").asText();
        JsonNode q = card(stub.activity(cardId).orElseThrow());
        press("anna", cardId, submitData(q, a -> a.path("data").path("value").asText().endsWith("|3")));
        q = card(stub.activity(cardId).orElseThrow());
        press("anna", cardId, submitData(q, a -> a.path("data").path("action").asText().equals("q.back")));
        q = card(stub.activity(cardId).orElseThrow());
        assertThat(TeamsClient.text(q)).contains("Spørgsmål 1 af");
        List<JsonNode> chosen = new ArrayList<>();
        q.findValues("actions").forEach(list -> list.forEach(a -> {
            if (a.path("title").asText().startsWith("✓ ")) chosen.add(a);
        }));
        assertThat(chosen).singleElement().satisfies(a -> {
            assertThat(a.path("data").path("value").asText()).endsWith("|3");
            assertThat(a.path("style").asText()).isEqualTo("positive");
        });

        // A typed answer: the old card becomes a note (PUT), the next question a new card below (POST).
        before = stub.calls().size();
        teams.post(teams.message(id("anna"), name("anna"), "4"));
        stub.awaitCalls(before + 2);
        assertThat(stub.calls().subList(before, before + 2)).extracting(BotFrameworkStub.Call::method)
                .containsExactly("PUT", "POST");
        assertThat(TeamsClient.text(card(stub.activity(cardId).orElseThrow()))).contains("fortsætter nederst")
                .doesNotContain("Spørgsmål");
        assertThat(TeamsClient.text(last(conversation))).contains("Spørgsmål 2 af");
    }

    /** Answers every question by pressing the card's buttons, pressing one answer twice with the same activity. */
    void answerAll(String user) throws Exception {
        String conversation = personalConversation(id(user));
        JsonNode invitation = stub.conversation(conversation).stream()
                .filter(a -> a.toString().contains("q.start")).reduce((a, b) -> b).orElseThrow();
        String invitationId = invitation.path("id").asText();
        ObjectNode start = submitData(card(invitation), a -> a.path("data").path("action").asText().equals("q.start"));
        int before = stub.calls().size();
        teams.post(teams.submit(id(user), name(user), invitationId, start));
        stub.awaitCalls(before + 1);
        String cardId = stub.conversation(conversation).get(stub.conversation(conversation).size() - 1).path("id").asText();
        boolean duplicated = false;
        if (user.equals("anna")) pauseAndResume(user, cardId);
        if (user.equals("bo")) comment(user, cardId);
        int first = stub.calls().size();
        int answers = 0;
        while (true) {
            JsonNode card = card(stub.activity(cardId).orElseThrow());
            Matcher progress = PROGRESS.matcher(TeamsClient.text(card));
            if (!progress.find()) break;
            int k = Integer.parseInt(progress.group(1));
            String v = String.valueOf(value(user).applyAsInt(k));
            ObjectNode answer = submitData(card, a -> a.path("data").path("action").asText().equals("q.answer")
                    && a.path("data").path("value").asText().endsWith("|" + v));
            ObjectNode activity = teams.submit(id(user), name(user), cardId, answer);
            before = stub.calls().size();
            teams.post(activity);
            if (!duplicated) {
                // Teams delivers the same activity again: processed once.
                teams.post(activity);
                duplicated = true;
            }
            stub.awaitCalls(before + 1);
            answers++;
            BotFrameworkStub.Call update = stub.calls().get(before);
            assertThat(update.method()).isEqualTo("PUT");
            assertThat(update.activityId()).isEqualTo(cardId);
        }
        // One update per answer: the duplicate delivery (handled in order before the later answers) added none.
        assertThat(stub.calls()).hasSize(first + answers);
        JsonNode review = card(stub.activity(cardId).orElseThrow());
        assertThat(TeamsClient.text(review)).contains("Gennemse dine svar");
        before = stub.calls().size();
        teams.post(teams.submit(id(user), name(user), cardId,
                submitData(review, a -> a.path("data").path("action").asText().equals("q.submit"))));
        stub.awaitCalls(before + 1);
        assertThat(stub.calls()).hasSize(before + 1);
        assertThat(TeamsClient.text(card(stub.activity(cardId).orElseThrow()))).contains("Tak for din besvarelse");
    }

    /** Pauses on the card, then resumes by typing: the same card comes back to life in place. */
    void pauseAndResume(String user, String cardId) throws Exception {
        JsonNode card = card(stub.activity(cardId).orElseThrow());
        press(user, cardId, submitData(card, a -> a.path("data").path("action").asText().equals("q.pause")));
        assertThat(TeamsClient.text(card(stub.activity(cardId).orElseThrow()))).doesNotContain("Spørgsmål 1 af");
        int before = stub.calls().size();
        teams.post(teams.message(id(user), name(user), "fortsæt"));
        stub.awaitCalls(before + 1);
        assertThat(stub.calls().get(before).method()).isEqualTo("PUT");
        assertThat(TeamsClient.text(card(stub.activity(cardId).orElseThrow()))).contains("Spørgsmål 1 af");
    }

    /** Comments on the theme through the card's form; the text is shown back escaped, never as markup. */
    void comment(String user, String cardId) throws Exception {
        JsonNode card = card(stub.activity(cardId).orElseThrow());
        press(user, cardId, submitData(card, a -> a.path("data").path("action").asText().equals("q.comment")));
        JsonNode form = card(stub.activity(cardId).orElseThrow());
        assertThat(form.toString()).contains("\"f.comment\"", "Input.Text");
        ObjectNode data = submitData(form, a -> a.path("data").path("barometer").asText().equals("form"));
        data.put("f.comment", "**Uklar** plan, se [her](https://evil.example) <at>Tina</at>");
        press(user, cardId, data);
        assertThat(TeamsClient.text(card(stub.activity(cardId).orElseThrow()))).contains("Spørgsmål 1 af");
    }

    /** The same round, played through the local core in the demo organisation. */
    Message localChannelPost() {
        TestChat chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
        chat.say("tina", "indstil minimum 3");
        chat.say("tina", "ny \"Team Nord efterår\" opstart 11-12-2026 #team-nord");
        chat.say("tina", "tilføj 1 sagsbehandler @anna @bo @cecilie @dennis @jonas");
        chat.say("tina", "start 1");
        app.dispatcher().drain();
        for (String user : STAFF) {
            List<Message> q = chat.press(user, TestChat.button(chat.inbox(user), "q.start"));
            while (q.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> b instanceof Block.Question)) {
                q = chat.press(user, TestChat.answerButton(q, value(user).applyAsInt(TestChat.question(q).number())));
            }
            assertThat(text(chat.press(user, TestChat.button(q, "q.submit")))).contains("Tak for din besvarelse");
        }
        chat.say("tina", "luk 1 bekræft");
        chat.say("tina", "del 1");
        app.dispatcher().drain();
        List<Message> channel = chat.conversation("team-nord");
        return channel.get(channel.size() - 1);
    }

    static List<JsonNode> facts(JsonNode card) {
        return card.findValues("facts");
    }

    static List<JsonNode> facts(Message message) {
        return facts(AdaptiveCardRenderer.render(message, Pickers.NONE));
    }

    static JsonNode card(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }

    JsonNode last(String conversationId) {
        List<JsonNode> shown = stub.conversation(conversationId);
        return card(shown.get(shown.size() - 1));
    }

    /** Writes in the personal chat and returns the text of the bot's one reply. */
    String say(String user, String text) throws InterruptedException {
        String id = sayAndGetCard(user, text);
        return TeamsClient.text(card(stub.activity(id).orElseThrow()));
    }

    String sayAndGetCard(String user, String text) throws InterruptedException {
        int before = stub.calls().size();
        assertThat(teams.post(teams.message(id(user), name(user), text))).isEqualTo(200);
        stub.awaitCalls(before + 1);
        List<JsonNode> shown = stub.conversation(personalConversation(id(user)));
        return shown.get(shown.size() - 1).path("id").asText();
    }

    String press(String user, String cardId, ObjectNode data) throws InterruptedException {
        int before = stub.calls().size();
        assertThat(teams.post(teams.submit(id(user), name(user), cardId, data))).isEqualTo(200);
        stub.awaitCalls(before + 1);
        List<JsonNode> shown = stub.conversation(personalConversation(id(user)));
        return TeamsClient.text(card(shown.get(shown.size() - 1)));
    }

    /** A hosted file by its public URL, fetched from the app itself (what Teams would do through the proxy). */
    byte[] fetch(String publicUrl) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + publicUrl.substring(PUBLIC_URL.length()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
