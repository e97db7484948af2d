package dk.vum.barometer.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.AdapterStateStore;
import dk.vum.barometer.core.store.InstallationStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.slack.blockkit.ActionIds;
import dk.vum.barometer.slack.blockkit.Modals;
import dk.vum.barometer.slack.http.RequestSignature;
import dk.vum.barometer.slack.testing.SignedSlack;
import dk.vum.barometer.slack.testing.SlackApiStub;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dk.vum.barometer.slack.testing.SignedSlack.FORM;
import static dk.vum.barometer.slack.testing.SignedSlack.JSON;
import static dk.vum.barometer.slack.testing.SignedSlack.JSON_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@code POST /slack/events} on a real Javalin server with the real Bolt app, a recording bot in place of
 * the core and the Web API stub: signatures, malformed payloads, translation into core events, and where
 * the replies are shown.
 */
class SlackEventsEndpointTest {

    static final String SECRET = "test-signing-secret";
    static final OrgId ORG = OrgId.of(Platform.SLACK, SlackApiStub.TEAM);

    SlackApiStub stub;
    SlackPlugin plugin;
    Javalin server;
    SignedSlack slack;
    final List<Inbound> received = new CopyOnWriteArrayList<>();
    volatile List<Message> answer = List.of(Message.text("svar"));

    @BeforeEach
    void start() {
        stub = SlackApiStub.start();
        ChatBot bot = event -> {
            received.add(event);
            return answer;
        };
        SlackSettings settings = new SlackSettings("xoxb-test", SECRET, null, stub.apiUrl(), Duration.ZERO, Duration.ZERO);
        plugin = new SlackPlugin(settings, bot, null, stores(), Clock.systemUTC());
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            plugin.register(c);
        }).start("127.0.0.1", 0);
        plugin.start();
        slack = new SignedSlack(URI.create("http://127.0.0.1:" + server.port() + SlackPlugin.EVENTS_PATH), SECRET,
                Clock.systemUTC(), SlackApiStub.TEAM);
    }

    @AfterEach
    void stop() {
        server.stop();
        plugin.close();
        stub.close();
    }

    @Test
    void aSignedSlashCommandIsAcknowledgedAndReachesTheCoreWithMentionsTranslated() {
        String body = slack.command("U0TINA", "C0GENERAL", "tilføj 1 leder <@U0LARS|lars> <#C0TEAM|team>", stub.responseUrl("1"));
        HttpResponse<String> response = slack.post(body, FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        // Shown ephemerally to the caller through the response URL, as the channel is not the bot's DM.
        SlackApiStub.Call reply = stub.await("response_url", c -> true);
        assertThat(reply.param("response_type")).isEqualTo("ephemeral");
        assertThat(reply.param("text")).isEqualTo("svar");
        Inbound.TextInput in = (Inbound.TextInput) received.get(0);
        assertThat(in.text()).isEqualTo("tilføj 1 leder @U0LARS #C0TEAM");
        assertThat(in.address().org()).isEqualTo(ORG);
        assertThat(in.address().direct()).isFalse();
        assertThat(in.address().userName()).isEqualTo("Person U0TINA");
        assertThat(in.deliveryId()).startsWith("slack-cmd:trigger.");
    }

    @Test
    void theRequestIsAcknowledgedBeforeTheCoreHasFinished() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inCore = new CountDownLatch(1);
        restartWith(event -> {
            inCore.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Message.text("endelig"));
        });

        HttpResponse<String> response = slack.post(slack.command("U0TINA", "C0GENERAL", "status", stub.responseUrl("9")), FORM);
        // Slack has its answer while the core is still at work: the ack never waits for it.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inCore.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stub.accepted("response_url")).isEmpty();
        release.countDown();
        assertThat(stub.await("response_url", c -> true).param("text")).isEqualTo("endelig");
    }

    @Test
    void unsignedForgedStaleAndFutureRequestsGet401AndReachNothing() {
        String body = slack.command("U0TINA", "C0GENERAL", "start 1", stub.responseUrl("1"));
        long now = Clock.systemUTC().instant().getEpochSecond();
        String stale = String.valueOf(now - 310);
        String future = String.valueOf(now + 310);
        String fresh = String.valueOf(now);
        List<Map<String, String>> refused = List.of(
                Map.of(),
                Map.of(RequestSignature.TIMESTAMP_HEADER, fresh),
                Map.of(RequestSignature.TIMESTAMP_HEADER, fresh, RequestSignature.SIGNATURE_HEADER, "v0=" + "0".repeat(64)),
                Map.of(RequestSignature.TIMESTAMP_HEADER, fresh, RequestSignature.SIGNATURE_HEADER,
                        new RequestSignature("another-secret", Clock.systemUTC()).sign(fresh, body)),
                Map.of(RequestSignature.TIMESTAMP_HEADER, stale, RequestSignature.SIGNATURE_HEADER, slack.sign(stale, body)),
                Map.of(RequestSignature.TIMESTAMP_HEADER, future, RequestSignature.SIGNATURE_HEADER, slack.sign(future, body)),
                // Signed for another body: a replayed signature on changed content.
                Map.of(RequestSignature.TIMESTAMP_HEADER, fresh, RequestSignature.SIGNATURE_HEADER, slack.sign(fresh, body + "x")));
        for (Map<String, String> headers : refused) {
            assertThat(slack.post(body, FORM, headers).statusCode()).as(headers.toString()).isEqualTo(401);
        }
        // A correctly signed request afterwards goes through, so the refusals were the signature's doing.
        assertThat(slack.post(body, FORM).statusCode()).isEqualTo(200);
        stub.await("response_url", c -> true);
        assertThat(received).hasSize(1);
    }

    @Test
    void signedButMalformedPayloadsGet4xxNever500() {
        List<String> forms = List.of("", "hello=world", "payload=%7Bnot+json", "payload=%5B1%2C2%5D",
                SignedSlack.payload(JSON.createObjectNode().put("type", "block_actions")),
                SignedSlack.payload(JSON.createObjectNode().put("type", "view_submission")),
                SignedSlack.payload(JSON.createObjectNode().put("type", "no_such_type")),
                SignedSlack.payload(blockActionWithout("actions")),
                SignedSlack.form(Map.of("command", "/barometer", "text", "hjælp", "team_id", SlackApiStub.TEAM)));
        for (String body : forms) {
            int status = slack.post(body, FORM).statusCode();
            assertThat(status).as(body).isBetween(400, 499);
        }
        List<String> events = List.of("{", "[]", "{\"type\":\"event_callback\",\"team_id\":\"" + SlackApiStub.TEAM + "\"}",
                "{\"type\":\"event_callback\",\"team_id\":\"" + SlackApiStub.TEAM + "\",\"event_id\":\"Ev1\",\"event\":\"x\"}");
        for (String body : events) {
            assertThat(slack.post(body, JSON_TYPE).statusCode()).as(body).isBetween(400, 499);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() {
        HttpResponse<String> response = slack.post("{\"token\":\"t\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}", JSON_TYPE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("abc123");
    }

    @Test
    void aRetriedEventKeepsItsDeliveryIdAndDirectMessagesAreRepliedToInTheDm() {
        String body = slack.directMessage("U0ANNA", "fortsæt", "Ev0RETRY");
        assertThat(slack.post(body, JSON_TYPE).statusCode()).isEqualTo(200);
        assertThat(slack.post(body, JSON_TYPE, retryHeaders(body)).statusCode()).isEqualTo(200);
        stub.await("chat.postMessage", c -> "DU0ANNA".equals(c.param("channel")), 2);
        assertThat(received).hasSize(2).allSatisfy(e -> {
            assertThat(e.deliveryId()).isEqualTo("slack-ev:Ev0RETRY");
            assertThat(e.address().direct()).isTrue();
        });
    }

    @Test
    void aDirectReplyAnswered429WaitsTheRetryAfterSlackAskedFor() {
        stub.rateLimitNext("chat.postMessage", 2);
        slack.post(slack.directMessage("U0ANNA", "status", "Ev0LIMIT"), JSON_TYPE);
        SlackApiStub.Call shown = stub.await("chat.postMessage", c -> "DU0ANNA".equals(c.param("channel")));
        SlackApiStub.Call refused = stub.calls().stream().filter(SlackApiStub.Call::limited).findFirst().orElseThrow();
        assertThat(Duration.ofNanos(shown.nanos() - refused.nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(shown.param("text")).isEqualTo("svar");
    }

    @Test
    void aQuestionnaireMessageIsUpdatedInPlaceByItsReplaceKey() {
        answer = List.of(Message.text("spørgsmål 1").withReplaceKey("questionnaire:1"));
        slack.post(slack.directMessage("U0ANNA", "fortsæt", "Ev1"), JSON_TYPE);
        SlackApiStub.Call first = stub.await("chat.postMessage", c -> "DU0ANNA".equals(c.param("channel")));
        answer = List.of(Message.text("spørgsmål 2").withReplaceKey("questionnaire:1"));
        slack.post(slack.blockAction("U0ANNA", "DU0ANNA", "1.0", "q.answer~3", "1|item|3", "111.222", stub.responseUrl("2")), FORM);
        SlackApiStub.Call update = stub.await("chat.update", c -> true);
        assertThat(update.param("ts")).isNotBlank();
        assertThat(update.param("channel")).isEqualTo("DU0ANNA");
        assertThat(update.param("text")).isEqualTo("spørgsmål 2");
        assertThat(stub.accepted("chat.postMessage")).containsExactly(first);
        Inbound.ButtonInput click = (Inbound.ButtonInput) received.get(1);
        assertThat(click.action()).isEqualTo("q.answer");
        assertThat(click.value()).isEqualTo("1|item|3");
        assertThat(click.deliveryId()).isEqualTo("slack-act:U0ANNA:111.222");
    }

    @Test
    void aFormReplyOpensAModalAndItsSubmissionBringsBackValuesAndHiddenValues() {
        answer = List.of(Message.of(new Block.Form("q.comment", "Kommentar", List.of(
                new Block.FormField("comment", "Kommentar", Block.FieldType.MULTILINE, true, null, null, null)),
                "Gem", Map.of("measurement", "1", "theme", "ledelse"))));
        slack.post(slack.blockAction("U0ANNA", "DU0ANNA", "1.0", ActionIds.decode("q.comment~0"), "1|ledelse", "5.5", stub.responseUrl("3")), FORM);
        SlackApiStub.Call open = stub.await("views.open", c -> true);
        assertThat(open.param("trigger_id")).startsWith("trigger.");
        String metadata = open.json("view").path("private_metadata").asText();

        answer = List.of(Message.text("tak"));
        ObjectNode values = JSON.createObjectNode();
        values.putObject("comment").putObject("comment").put("type", "plain_text_input").put("value", "<!channel> uklar plan");
        assertThat(slack.post(slack.viewSubmission("U0ANNA", "V123", Modals.FORM_CALLBACK, metadata, values), FORM).statusCode())
                .isEqualTo(200);
        stub.await("chat.postMessage", c -> "tak".equals(c.param("text")));
        Inbound.FormInput form = (Inbound.FormInput) received.get(1);
        assertThat(form.formId()).isEqualTo("q.comment");
        assertThat(form.values()).containsEntry("comment", "<!channel> uklar plan").containsEntry("measurement", "1")
                .containsEntry("theme", "ledelse");
        assertThat(form.address().direct()).isTrue();
        assertThat(form.deliveryId()).isEqualTo("slack-view:V123");
    }

    @Test
    void aCommentClickBehindSlowWorkOpensItsModalAtOnce() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        Message commentForm = Message.of(new Block.Form("q.comment", "Kommentar", List.of(new Block.FormField("comment",
                "Kommentar", Block.FieldType.MULTILINE, false, null, null, null, 2000)), "Gem", Map.of()));
        restartWith(event -> {
            if (event instanceof Inbound.ButtonInput b && b.action().equals("q.comment")) return List.of(commentForm);
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Message.text("næste spørgsmål"));
        });

        // Anna's answer is still being handled when she clicks Kommentar: the modal does not wait for it.
        slack.post(slack.blockAction("U0ANNA", "DU0ANNA", "1.0", "q.answer~3", "1|item|3", "1.1", stub.responseUrl("a")), FORM);
        busy.await();
        slack.post(slack.blockAction("U0ANNA", "DU0ANNA", "1.0", "q.comment~0", "1|ledelse", "1.2", stub.responseUrl("b")), FORM);
        var view = stub.await("views.open", c -> true).json("view");
        assertThat(view.toString()).contains("\"max_length\":2000");
        assertThat(stub.accepted("chat.postMessage")).isEmpty();
        release.countDown();
        stub.await("chat.postMessage", c -> "næste spørgsmål".equals(c.param("text")));
    }

    @Test
    void aFieldErrorKeepsTheModalOpenWithTheErrorAtTheField() throws Exception {
        answer = List.of(Message.of(new Block.FieldError("deadline", "Fristen ligger i fortiden.")));
        String metadata = new ModalContext("m.new", "DU0TINA", Map.of()).toJson();
        ObjectNode values = JSON.createObjectNode();
        values.putObject("deadline").putObject("deadline").put("type", "datepicker").put("selected_date", "2020-01-01");
        HttpResponse<String> response = slack.post(slack.viewSubmission("U0TINA", "V9", Modals.FORM_CALLBACK, metadata, values), FORM);
        assertThat(JSON.readTree(response.body()).path("response_action").asText()).isEqualTo("errors");
        assertThat(JSON.readTree(response.body()).path("errors").path("deadline").asText()).isEqualTo("Fristen ligger i fortiden.");
        // Shown on the modal, so not again as a message.
        assertThat(stub.accepted("chat.postMessage")).isEmpty();
    }

    @Test
    void aFormAnsweringTypedTextIsAButtonWhoseClickOpensTheModal() {
        answer = List.of(Message.of(new Block.Form("m.new", "Ny måling", List.of(
                new Block.FormField("name", "Navn", Block.FieldType.TEXT, true, null, null, null)), "Opret", Map.of())));
        slack.post(slack.directMessage("U0TINA", "ny", "Ev0FORM"), JSON_TYPE);
        SlackApiStub.Call posted = stub.await("chat.postMessage", c -> "DU0TINA".equals(c.param("channel")));
        var button = posted.json("blocks").get(0).path("accessory");
        assertThat(button.path("action_id").asText()).isEqualTo(ActionIds.OPEN_FORM);
        assertThat(stub.accepted("views.open")).isEmpty();

        slack.post(slack.blockAction("U0TINA", "DU0TINA", "1.0", ActionIds.OPEN_FORM, button.path("value").asText(),
                "7.7", stub.responseUrl("5")), FORM);
        var view = stub.await("views.open", c -> true).json("view");
        assertThat(view.path("callback_id").asText()).isEqualTo(Modals.FORM_CALLBACK);
        assertThat(view.path("private_metadata").asText()).contains("\"form\":\"m.new\"", "\"channel\":\"DU0TINA\"");
        // Opening the form is the adapter's business: the core heard the text, not the click.
        assertThat(received).hasSize(1);
    }

    @Test
    void theCommandAloneOpensAModalWithTheHelpAndACommandLine() {
        answer = List.of(Message.of(new Block.Heading("Kommandoer"), new Block.Paragraph("hjælp: vis hjælpen")));
        slack.post(slack.command("U0TINA", "C0GENERAL", "", stub.responseUrl("4")), FORM);
        SlackApiStub.Call open = stub.await("views.open", c -> true);
        assertThat(open.json("view").path("callback_id").asText()).isEqualTo(Modals.COMMAND_CALLBACK);
        assertThat(open.json("view").toString()).contains("Kommandoer", "plain_text_input");
        assertThat(stub.accepted("response_url")).isEmpty();
    }

    private Map<String, String> retryHeaders(String body) {
        String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
        return Map.of(RequestSignature.TIMESTAMP_HEADER, ts, RequestSignature.SIGNATURE_HEADER, slack.sign(ts, body),
                "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
    }

    private static ObjectNode blockActionWithout(String field) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions");
        p.putObject("team").put("id", SlackApiStub.TEAM);
        p.putObject("user").put("id", "U1");
        p.remove(field);
        return p;
    }

    /** The plugin again, with another bot in place of the core. */
    private void restartWith(ChatBot bot) {
        plugin.close();
        server.stop();
        plugin = new SlackPlugin(new SlackSettings("xoxb-test", SECRET, null, stub.apiUrl(), Duration.ZERO, Duration.ZERO),
                bot, null, stores(), Clock.systemUTC());
        server = Javalin.create(c -> plugin.register(c)).start("127.0.0.1", 0);
        slack = new SignedSlack(URI.create("http://127.0.0.1:" + server.port() + SlackPlugin.EVENTS_PATH), SECRET,
                Clock.systemUTC(), SlackApiStub.TEAM);
    }

    /** A one-workspace setup's stores: adapter state in memory, the rest answering nothing. */
    static SlackPlugin.Stores stores() {
        return new SlackPlugin.Stores(mock(OrganisationStore.class), new MapState(), mock(OutboxStore.class),
                mock(InstallationStore.class));
    }

    /** Adapter state in memory. */
    static final class MapState implements AdapterStateStore {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public void putState(OrgId org, String namespace, String key, String value) {
            values.put(org + "|" + namespace + "|" + key, value);
        }

        @Override
        public Optional<String> state(OrgId org, String namespace, String key) {
            return Optional.ofNullable(values.get(org + "|" + namespace + "|" + key));
        }

        @Override
        public void deleteState(OrgId org, String namespace, String key) {
            values.remove(org + "|" + namespace + "|" + key);
        }

        @Override
        public Set<String> stateKeys(OrgId org, String namespace) {
            String prefix = org + "|" + namespace + "|";
            return values.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                    .collect(Collectors.toSet());
        }
    }
}
