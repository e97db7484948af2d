package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.app.teams.BotFrameworkStub;
import dk.vum.barometer.app.teams.TeamsClient;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.teams.TeamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dk.vum.barometer.app.teams.TeamsClient.personalConversation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Teams endpoint over real HTTP against the Bot Framework stub: tokens signed with a local key set
 * (valid, expired, wrong audience, wrong issuer, wrong serviceUrl, forged, endorsed for another channel, none)
 * get 200 or 401; malformed
 * activities 400; refused requests change nothing. Proactive sends: 403 fails for good and makes the person
 * unreachable, 502 is retried.
 */
class TeamsEndpointTest extends TeamsHost {

    static final String TENANT = "tenant-syd";
    static final OrgId ORG = OrgId.of(Platform.TEAMS, TENANT);

    @Override
    String tenant() {
        return TENANT;
    }

    @Test
    void aValidTokenIsAcceptedAndAnsweredThroughTheConnectorWithTheBotsOwnToken() throws Exception {
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(1);
        BotFrameworkStub.Call reply = stub.calls().get(0);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.conversationId()).isEqualTo(personalConversation("29:ulla"));
        assertThat(reply.authorization()).isEqualTo("Bearer " + BotFrameworkStub.ACCESS_TOKEN);
        assertThat(reply.body().path("attachments").path(0).path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(reply.card().path("version").asText()).isEqualTo("1.5");
        assertThat(stub.tokenRequests()).isEqualTo(1);
        assertThat(app.store().organisations()).contains(ORG);
    }

    @Test
    void aThrottledReplyIsSentAgainAfterTheWaitTeamsAskedFor() throws Exception {
        stub.failNext(c -> c.method().equals("POST"), 429, "0");
        stub.failNext(c -> c.method().equals("POST"), 502, null);
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(3);
        assertThat(stub.conversation(personalConversation("29:ulla"))).hasSize(1);
    }

    @Test
    void badTokensGet401AndChangeNothing() {
        Instant later = Instant.now().plusSeconds(3600);
        String serviceUrl = stub.serviceUrl();
        List<String> refused = List.of(
                stub.sign(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, APP_ID, serviceUrl, Instant.now().minusSeconds(600))),
                stub.sign(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, "another-app", serviceUrl, later)),
                stub.sign(BotFrameworkStub.claims("https://sts.example.com", APP_ID, serviceUrl, later)),
                stub.sign(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, APP_ID, "https://evil.example.com/", later)),
                stub.forge(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, APP_ID, serviceUrl, later)),
                stub.signForAnotherChannel(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, APP_ID, serviceUrl, later)),
                "not-a-jwt");
        for (String token : refused) {
            assertThat(teams.post(teams.message("29:ulla", "Ulla", "opsæt"), "Bearer " + token)).as(token).isEqualTo(401);
        }
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "opsæt"), null)).isEqualTo(401);
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "opsæt"), "Basic dXNlcjpwdw==")).isEqualTo(401);
        assertThat(app.store().organisations()).doesNotContain(ORG);
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void theTokenIsCheckedBeforeTheBodyIsRead() {
        String forged = "Bearer " + stub.forge(BotFrameworkStub.claims(BotFrameworkStub.ISSUER, APP_ID, stub.serviceUrl(),
                Instant.now().plusSeconds(3600)));
        for (String body : List.of("{", "", "[]", "{\"type\":\"message\"}")) {
            assertThat(teams.post(body, forged)).as(body).isEqualTo(401);
            assertThat(teams.post(body, null)).as(body).isEqualTo(401);
        }
    }

    @Test
    void anyValidIsoTimeIsAcceptedAndTheUserAgentNamesTheRealVersion() throws Exception {
        ObjectNode message = teams.message("29:ulla", "Ulla", "hjælp");
        message.put("timestamp", "2026-12-01T09:00:00Z").put("localTimestamp", "2026-12-01T10:00:00+01:00");
        assertThat(teams.post(message)).isEqualTo(200);
        stub.awaitCalls(1);
        assertThat(stub.calls().get(0).userAgent()).startsWith("VUM-Barometer/0.1").contains("BotBuilder/4.").doesNotContain("${");
        ObjectNode badTime = teams.message("29:ulla", "Ulla", "hjælp");
        badTime.put("timestamp", "i går");
        assertThat(teams.post(badTime)).isEqualTo(400);
    }

    @Test
    void anInternalServerErrorIsTriedOnceMoreButNotTwice() throws Exception {
        stub.failNext(c -> c.method().equals("POST"), 500, null);
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(2);
        assertThat(stub.conversation(personalConversation("29:ulla"))).hasSize(1);
        stub.failNext(c -> c.method().equals("POST"), 500, null);
        stub.failNext(c -> c.method().equals("POST"), 500, null);
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        // Its next activity is processed after this one: the reply to it shows the other was given up.
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(5);
        assertThat(stub.conversation(personalConversation("29:ulla"))).hasSize(2);
    }

    @Test
    void anyMemberPressingAUniversalActionInAChannelIsAnsweredWithACardForThemAlone() throws Exception {
        String channel = "19:syd@thread.tacv2";
        ObjectNode data = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("barometer", "button").put("action", "q.start").put("value", "1");
        com.fasterxml.jackson.databind.JsonNode answer = teams.postForAnswer(teams.universalAction(channel, "29:xena", "Xena", "q.start", data));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        // The questionnaire is answered only in one's personal chat: said to her, not posted for all.
        assertThat(TeamsClient.text(answer.path("value"))).contains("private samtale");
        dk.vum.barometer.teams.TeamsValidation.cards(List.of(answer.path("value")));
        assertThat(stub.calls()).isEmpty();
        // A refresh asks for nothing the bot keeps per person: a short text answers it.
        com.fasterxml.jackson.databind.JsonNode refresh = teams.postForAnswer(teams.universalAction(channel, "29:xena", "Xena", "refresh",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()));
        assertThat(refresh.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{", "{\"type\":\"message\"}", "{\"type\":\"message\",\"text\":\"hej\"}",
            "{\"type\":\"message\",\"serviceUrl\":\"SERVICE\",\"from\":{\"id\":\"29:a\"},\"recipient\":{\"id\":\"28:b\"},\"conversation\":{\"id\":\"a:1\"}}",
            "{\"type\":\"message\",\"serviceUrl\":\"SERVICE\",\"id\":[1],\"from\":{\"id\":\"29:a\"}}",
            "{\"type\":\"message\",\"channelId\":\"webchat\",\"id\":\"1\",\"serviceUrl\":\"SERVICE\",\"from\":{\"id\":\"29:a\"},"
                    + "\"recipient\":{\"id\":\"28:b\"},\"conversation\":{\"id\":\"a:1\",\"tenantId\":\"t\"},\"text\":\"opsæt\"}"})
    void malformedActivitiesGet400(String body) {
        String token = "Bearer " + stub.token(APP_ID);
        assertThat(teams.post(body.replace("SERVICE", stub.serviceUrl()), token)).as(body).isEqualTo(400);
        assertThat(app.store().organisations()).doesNotContain(ORG);
    }

    @Test
    void aCardSubmitWithUnknownDataAndAMissingTenantAreRefused() throws Exception {
        ObjectNode noTenant = teams.message("29:ulla", "Ulla", "hjælp");
        noTenant.remove("channelData");
        ((ObjectNode) noTenant.get("conversation")).remove("tenantId");
        assertThat(teams.post(noTenant)).isEqualTo(400);
        ObjectNode odd = teams.submit("29:ulla", "Ulla", "act-x", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("x", 1));
        assertThat(teams.post(odd)).isEqualTo(400);
        ObjectNode noAction = teams.submit("29:ulla", "Ulla", "act-x",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("barometer", "button"));
        assertThat(teams.post(noAction)).isEqualTo(400);
        assertThat(app.store().organisations()).doesNotContain(ORG);
        assertThat(teams.post(teams.message("29:ulla", "Ulla", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(1);
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void withoutAnAppIdTheEndpointIsOffUnlessUnauthenticatedTrialsAreAllowed(@TempDir Path other) throws Exception {
        try (BarometerApp off = new BarometerApp(AppConfig.forTest(other.resolve("off")), clock).start()) {
            assertThat(new TeamsClient(off.port(), stub, APP_ID, TENANT).post(teams.message("29:ulla", "Ulla", "hjælp"), null))
                    .isEqualTo(404);
        }
        TeamsConfig trial = new TeamsConfig(null, null, true, stub.openIdMetadata(), stub.tokenEndpoint(), 1000, 1000);
        try (BarometerApp open = new BarometerApp(AppConfig.forTest(other.resolve("open")).withTeams(trial), clock).start()) {
            assertThat(new TeamsClient(open.port(), stub, APP_ID, TENANT).post(teams.message("29:ulla", "Ulla", "hjælp"), null))
                    .isEqualTo(200);
            stub.awaitCalls(1);
            assertThat(stub.calls().get(0).authorization()).isNull();
            assertThat(stub.tokenRequests()).isZero();
        }
    }

    @Test
    void aMemberAddedToATeamWithTheAppIsReachedInANewOneToOneChat() throws Exception {
        String channel = "19:syd@thread.tacv2";
        var reachability = dk.vum.barometer.teams.TeamsPlugin.reachability(app.store());
        assertThat(reachability.unreachable(ORG, List.of("29:xena"))).containsExactly("29:xena");
        assertThat(teams.post(teams.membersAdded(channel, "29:xena"))).isEqualTo(200);
        // Her next activity is processed after the first: its reply shows both are done.
        assertThat(teams.post(teams.channelMessage(channel, "29:xena", "Xena", "hjælp"))).isEqualTo(200);
        stub.awaitCalls(1);
        assertThat(reachability.unreachable(ORG, List.of("29:xena"))).isEmpty();
        app.store().enqueue(List.of(Outbox.message(ORG, new Destination.Direct("29:xena"), Message.text("Invitation"), "t:xena")));
        assertThat(app.dispatcher().drain()).isEqualTo(1);
        List<BotFrameworkStub.Call> calls = stub.calls();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1).conversationId()).isNull();
        assertThat(calls.get(1).body().path("members").path(0).path("id").asText()).isEqualTo("29:xena");
        assertThat(calls.get(2).conversationId()).isEqualTo(personalConversation("29:xena"));
    }

    @Test
    void aBlockedBotFailsForGoodAndTheUserBecomesUnreachableWhileGatewayErrorsAreRetried() throws Exception {
        assertThat(teams.post(teams.installPersonal("29:ulla", "Ulla"))).isEqualTo(200);
        assertThat(teams.post(teams.installPersonal("29:viggo", "Viggo"))).isEqualTo(200);
        stub.awaitCalls(2);
        app.store().enqueue(List.of(
                Outbox.message(ORG, new Destination.Direct("29:ulla"), Message.text("Invitation"), "t:ulla"),
                Outbox.message(ORG, new Destination.Direct("29:viggo"), Message.text("Invitation"), "t:viggo")));
        stub.failNext(c -> personalConversation("29:ulla").equals(c.conversationId()), 403, null);
        stub.failNext(c -> personalConversation("29:viggo").equals(c.conversationId()), 502, null);
        assertThat(app.dispatcher().drain()).isZero();
        assertThat(app.store().failed(ORG)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(app.dispatcher().drain()).isEqualTo(1);
        assertThat(dk.vum.barometer.teams.TeamsPlugin.reachability(app.store()).unreachable(ORG, List.of("29:ulla", "29:viggo")))
                .containsExactly("29:ulla");
    }
}
