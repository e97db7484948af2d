package dk.vum.barometer.slack;

import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.slack.testing.SlackApiStub;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** With an app-level token and no signing secret, Slack is reached over Socket Mode and no URL is served. */
class SocketModeTest {

    @Test
    void anAppTokenAsksSlackForASocketAndServesNoEventsUrl() throws Exception {
        assertThat(SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))).isEmpty();
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).orElseThrow();
        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.http()).isFalse();
        assertThat(settings.apiUrl()).isEqualTo(SlackSettings.DEFAULT_API_URL);

        try (SlackApiStub stub = SlackApiStub.start()) {
            SlackSettings local = new SlackSettings("xoxb-1", null, "xapp-1", stub.apiUrl(), Duration.ZERO, Duration.ZERO);
            SlackPlugin plugin = new SlackPlugin(local, event -> List.of(), null, mock(OrganisationStore.class),
                    new SlackEventsEndpointTest.MapState(), mock(OutboxStore.class), Clock.systemUTC());
            Javalin server = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                plugin.register(c);
            }).start("127.0.0.1", 0);
            try {
                plugin.start();
                // The stub gives no WebSocket URL, so the connection fails and the bot runs on without it.
                stub.await("apps.connections.open", c -> true);
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + SlackPlugin.EVENTS_PATH))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(404);
            } finally {
                server.stop();
                plugin.close();
            }
        }
    }
}
