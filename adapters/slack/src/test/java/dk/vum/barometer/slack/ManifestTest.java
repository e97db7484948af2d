package dk.vum.barometer.slack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app manifests an admin creates the Slack app from agree with what the adapter listens to. */
class ManifestTest {

    static String read(String name) throws IOException {
        return Files.readString(Path.of(name));
    }

    @Test
    void theHttpManifestSendsEverythingToTheOneEventsUrl() throws IOException {
        String manifest = read("manifest.yml");
        assertThat(manifest.split("https://barometer.example.dk" + SlackPlugin.EVENTS_PATH, -1)).hasSize(4);
        assertThat(manifest).contains("command: " + SlackListeners.COMMAND, "should_escape: true", "home_tab_enabled: true",
                "- app_home_opened", "- message.im", "- im:write", "- chat:write", "- users:read", "socket_mode_enabled: false");
    }

    @Test
    void theSocketModeManifestHasNoUrlsAndTheSameFeatures() throws IOException {
        String manifest = read("manifest-socket-mode.yml");
        assertThat(manifest).doesNotContain("url:").contains("command: " + SlackListeners.COMMAND, "should_escape: true",
                "- app_home_opened", "- message.im", "- im:write", "socket_mode_enabled: true");
    }
}
