package dk.vum.barometer.slack;

import dk.vum.barometer.slack.testing.SlackApiStub;
import io.javalin.Javalin;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an app-level token and no signing secret, Slack is reached over Socket Mode and no URL is served;
 * a failed connect is tried again until it works, and {@code /health} tells which it is.
 */
class SocketModeTest {

    @Test
    void anAppTokenConnectsOverSocketModeAfterAFailedConnectAndServesNoEventsUrl() throws Exception {
        assertThat(SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), () -> new byte[32])).isEmpty();
        SlackSettings settings = SlackSettings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"), () -> new byte[32]).orElseThrow();
        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.http()).isFalse();
        assertThat(settings.apiUrl()).isEqualTo(SlackSettings.DEFAULT_API_URL);

        CountDownLatch opened = new CountDownLatch(1);
        WebSocketServer slackSocket = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                conn.send("{\"type\":\"hello\",\"num_connections\":1}");
                opened.countDown();
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {
            }

            @Override
            public void onStart() {
            }
        };
        slackSocket.start();
        try (SlackApiStub stub = SlackApiStub.start()) {
            awaitPort(slackSocket);
            // Slack is down for the first connect: the bot tries again instead of giving up.
            stub.socketMode("ws://127.0.0.1:" + slackSocket.getPort() + "/link", 1);
            SlackSettings local = new SlackSettings("xoxb-1", null, "xapp-1", stub.apiUrl(), Duration.ZERO, Duration.ZERO);
            SlackPlugin plugin = new SlackPlugin(local, event -> List.of(), null, SlackEventsEndpointTest.stores(), Clock.systemUTC());
            Javalin server = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                plugin.register(c);
            }).start("127.0.0.1", 0);
            try {
                plugin.start();
                assertThat(opened.await(20, TimeUnit.SECONDS)).as("Socket Mode connected after the failed attempt").isTrue();
                assertThat(plugin.health()).containsEntry("socketModeFailedConnects", 1).containsEntry("oauth", false);
                for (int i = 0; i < 500 && !"connected".equals(plugin.health().get("socketMode")); i++) Thread.sleep(10);
                assertThat(plugin.health()).containsEntry("socketMode", "connected");
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + SlackPlugin.EVENTS_PATH))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(404);
            } finally {
                server.stop();
                plugin.close();
            }
        } finally {
            slackSocket.stop(1000);
        }
    }

    private static void awaitPort(WebSocketServer server) throws InterruptedException {
        for (int i = 0; i < 500 && server.getPort() == 0; i++) Thread.sleep(10);
    }
}
