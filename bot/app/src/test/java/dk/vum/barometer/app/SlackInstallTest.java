package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.store.Installation;
import dk.vum.barometer.slack.SlackPlugin;
import dk.vum.barometer.slack.SlackSettings;
import dk.vum.barometer.slack.testing.SignedSlack;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dk.vum.barometer.slack.testing.SignedSlack.JSON;
import static dk.vum.barometer.slack.testing.SignedSlack.JSON_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces install the app by Slack's OAuth v2 flow on the running app (real SQLite file, Web API stub):
 * the authorize redirect with a signed state, the code exchanged through SLACK_API_URL, the installation
 * stored with its token sealed, each workspace answered with its own token and none with another's, an
 * Enterprise Grid org-wide install, and an uninstall that drops the token and stops sending.
 */
class SlackInstallTest {

    static final String SECRET = "install-signing-secret";
    static final String CLIENT_ID = "1234.5678";

    @TempDir
    Path data;
    SlackApiStub stub;
    BarometerApp app;
    final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        stub = SlackApiStub.start();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        SlackSettings settings = new SlackSettings(null, SECRET, null, stub.apiUrl(), Duration.ZERO, Duration.ZERO,
                new SlackSettings.OAuth(CLIENT_ID, "client-secret", "state-secret-0123456789", () -> key));
        app = new BarometerApp(AppConfig.forTest(data).withSlack(settings), Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        app.close();
        stub.close();
    }

    @Test
    void twoWorkspacesInstallByOAuthAndEachIsAnsweredWithItsOwnToken() throws Exception {
        // The "Add to Slack" link: straight to Slack's authorize page with the client id, scopes and a signed state.
        HttpResponse<String> install = get(SlackPlugin.INSTALL_PATH, null);
        assertThat(install.statusCode()).isEqualTo(302);
        String authorize = install.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("https://slack.com/oauth/v2/authorize?client_id=" + CLIENT_ID + "&scope=")
                .contains(URLEncoder.encode(SlackPlugin.SCOPES, StandardCharsets.UTF_8));
        String state = URLDecoder.decode(authorize.replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        assertThat(state).matches("\\d+\\.[\\w-]+\\.[0-9a-f]{64}");

        // A forged state, or the right state from another browser (no cookie), installs nothing.
        String forged = state.substring(0, state.length() - 1) + (state.endsWith("0") ? "1" : "0");
        redirect("team:T1:user:U0EVE", forged, cookie(install));
        redirect("team:T1:user:U0EVE", state, null);
        assertThat(stub.accepted("oauth.v2.access")).isEmpty();
        assertThat(app.store().installations().installationCount(Platform.SLACK)).isZero();

        installWorkspace("T1", "U0INST1");
        installWorkspace("T2", "U0INST2");
        assertThat(stub.accepted("oauth.v2.access")).extracting(c -> c.param("code")).containsExactly("team:T1:user:U0INST1", "team:T2:user:U0INST2");

        OrgId t1 = OrgId.of(Platform.SLACK, "T1");
        OrgId t2 = OrgId.of(Platform.SLACK, "T2");
        Installation stored = app.store().installations().installations(t1).get(0);
        assertThat(stored.botUserId()).isEqualTo("UBT1");
        assertThat(stored.sealedToken()).doesNotContain("xoxb");
        // The installer is the organisation's coordinator.
        assertThat(app.store().roles(t1, "U0INST1")).contains(Role.COORDINATOR);
        assertThat(app.store().roles(t2, "U0INST1")).isEmpty();

        // Each workspace is answered with its own token; a workspace that never installed is not answered.
        String token1 = answer("T1", "U0A", "hjælp").token();
        String token2 = answer("T2", "U0B", "hjælp").token();
        assertThat(token1).startsWith("xoxb-T1-");
        assertThat(token2).startsWith("xoxb-T2-");
        assertThat(signed("T3").post(signed("T3").directMessage("U0C", "hjælp", "Ev0T3"), JSON_TYPE).statusCode()).isEqualTo(401);
        assertThat(stub.calls()).noneMatch(c -> "DU0C".equals(c.param("channel")));
        assertThat(stub.calls()).filteredOn(c -> c.token() != null && c.token().startsWith("xoxb-"))
                .isNotEmpty().allMatch(c -> c.token().equals(token1) || c.token().equals(token2));

        // The tokens are sealed at rest: no file of the database holds one.
        assertThat(databaseText()).contains("SQLite format 3").doesNotContain(token1, token2);
        assertThat(health()).contains("\"installations\":2");

        // Uninstalled from T1: its token is dropped and nothing more is sent there; T2 goes on.
        ObjectNode uninstalled = JSON.createObjectNode().put("type", "app_uninstalled");
        assertThat(signed("T1").post(signed("T1").event(uninstalled, "Ev0UNINSTALL"), JSON_TYPE).statusCode()).isEqualTo(200);
        awaitUntil(() -> app.store().installations().installations(t1).isEmpty());
        app.store().enqueue(List.of(Outbox.message(t1, new Destination.Direct("U0A"), Message.text("påmindelse"), "after-uninstall")));
        int calls = stub.calls().size();
        app.dispatcher().drain();
        awaitUntil(() -> !app.store().failed(t1).isEmpty());
        assertThat(app.store().failed(t1)).extracting(o -> o.dedupeKey()).containsExactly("after-uninstall");
        assertThat(stub.calls()).hasSize(calls);
        assertThat(answer("T2", "U0B", "hjælp").token()).isEqualTo(token2);
        assertThat(health()).contains("\"installations\":1");

        // T2's bot token revoked (an admin revoked it, or the workspace was deleted): that installation goes too.
        ObjectNode revoked = JSON.createObjectNode().put("type", "tokens_revoked");
        revoked.putObject("tokens").putArray("bot").add("UBT2");
        assertThat(signed("T2").post(signed("T2").event(revoked, "Ev0REVOKE"), JSON_TYPE).statusCode()).isEqualTo(200);
        awaitUntil(() -> app.store().installations().installations(t2).isEmpty());
        assertThat(health()).contains("\"installations\":0");
    }

    @Test
    void anOrgWideInstallOnEnterpriseGridServesEveryWorkspaceOfTheOrganisation() throws Exception {
        HttpResponse<String> install = get(SlackPlugin.INSTALL_PATH, null);
        redirect("enterprise:E1:user:U0GRID", state(install), cookie(install));
        OrgId grid = OrgId.of(Platform.SLACK, "E1");
        assertThat(app.store().installations().installations(grid)).singleElement().satisfies(i -> {
            assertThat(i.teamId()).isEmpty();
            assertThat(i.enterpriseId()).isEqualTo("E1");
        });
        assertThat(app.store().roles(grid, "U0GRID")).contains(Role.COORDINATOR);

        // A DM from a workspace of the organisation: answered with the organisation's token.
        SignedSlack slack = signed("T9");
        ObjectNode body = (ObjectNode) JSON.readTree(slack.directMessage("U0D", "hjælp", "Ev0GRID"));
        body.put("enterprise_id", "E1");
        body.putArray("authorizations").addObject().put("enterprise_id", "E1").putNull("team_id")
                .put("user_id", "UBE1").put("is_bot", true).put("is_enterprise_install", true);
        assertThat(slack.post(body.toString(), JSON_TYPE).statusCode()).isEqualTo(200);
        SlackApiStub.Call reply = stub.await("chat.postMessage", c -> "DU0D".equals(c.param("channel")));
        assertThat(reply.token()).startsWith("xoxb-E1-");
    }

    private void installWorkspace(String team, String installer) throws IOException, InterruptedException {
        HttpResponse<String> install = get(SlackPlugin.INSTALL_PATH, null);
        HttpResponse<String> done = redirect("team:" + team + ":user:" + installer, state(install), cookie(install));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(app.store().installations().installations(OrgId.of(Platform.SLACK, team))).hasSize(1);
    }

    private HttpResponse<String> redirect(String code, String state, String cookie) throws IOException, InterruptedException {
        return get(SlackPlugin.REDIRECT_PATH + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8), cookie);
    }

    private static String state(HttpResponse<String> install) {
        String location = install.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    private static String cookie(HttpResponse<String> install) {
        return install.headers().allValues("Set-Cookie").stream().map(v -> v.split(";")[0])
                .filter(v -> v.startsWith("slack-app-oauth-state=")).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (cookie != null) request.header("Cookie", cookie);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String health() throws IOException, InterruptedException {
        return get("/health", null).body();
    }

    private SignedSlack signed(String team) {
        return new SignedSlack(URI.create("http://127.0.0.1:" + app.port() + SlackPlugin.EVENTS_PATH), SECRET, Clock.systemUTC(), team);
    }

    /** A DM from a person in the workspace; returns the bot's answer in that DM. */
    private SlackApiStub.Call answer(String team, String user, String text) {
        int before = (int) stub.accepted("chat.postMessage").stream().filter(c -> ("D" + user).equals(c.param("channel"))).count();
        SignedSlack slack = signed(team);
        assertThat(slack.post(slack.directMessage(user, text, "Ev" + SignedSlack.next()), JSON_TYPE).statusCode()).isEqualTo(200);
        return stub.await("chat.postMessage", c -> ("D" + user).equals(c.param("channel")), before + 1);
    }

    private String databaseText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
