package dk.vum.barometer.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Socket Mode that does not give up: a connect that fails (Slack down, the network away at start-up, a
 * refused app token) is tried again after 1, 2, 4 … seconds, at most a minute apart, for as long as the
 * bot runs. Once connected, Bolt's client reconnects by itself when the socket drops.
 */
final class SocketModeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final String appToken;
    private final App app;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Thread connector;
    private volatile SocketModeApp socketMode;
    private volatile boolean closed;

    SocketModeConnection(String appToken, App app) {
        this.appToken = appToken;
        this.app = app;
        this.connector = new Thread(this::connectUntilConnected, "slack-socket-mode-connect");
        this.connector.setDaemon(true);
    }

    void start() {
        connector.start();
    }

    private void connectUntilConnected() {
        Duration wait = FIRST_WAIT;
        while (!closed) {
            try {
                SocketModeApp attempt = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
                attempt.startAsync();
                socketMode = attempt;
                LOG.info("Slack: connected over Socket Mode");
                return;
            } catch (Exception | NoClassDefFoundError e) {
                // The failed attempt holds no connection and no threads of its own: nothing to close.
                failedAttempts.incrementAndGet();
                LOG.warn("Slack: Socket Mode could not connect ({}); trying again in {} s", e.getMessage(), wait.toSeconds());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        }
    }

    boolean connected() {
        SocketModeApp current = socketMode;
        return current != null && current.getClient() != null && current.getClient().verifyConnection();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        SocketModeApp current = socketMode;
        if (current == null) return;
        try {
            current.close();
        } catch (Exception e) {
            LOG.debug("Slack: closing Socket Mode: {}", e.getMessage());
        }
    }
}
