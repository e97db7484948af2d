package dk.vum.barometer.slack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void bothManifestsAskForTheScopesAnInstallAsksForAndTheEventsThatDropTokens() throws IOException {
        for (String name : List.of("manifest.yml", "manifest-socket-mode.yml")) {
            String manifest = read(name);
            String botScopes = manifest.substring(manifest.indexOf("    bot:\n"), manifest.indexOf("\nsettings:"));
            List<String> scopes = Pattern.compile("^      - ([a-z:.]+)", Pattern.MULTILINE).matcher(botScopes).results()
                    .map(m -> m.group(1)).toList();
            assertThat(scopes).as(name).containsExactlyInAnyOrder(SlackPlugin.SCOPES.split(","));
            assertThat(manifest).as(name).contains("- app_uninstalled", "- tokens_revoked");
            Matcher description = Pattern.compile("long_description: >-\\n((?:    .*\\n)+)").matcher(manifest);
            assertThat(description.find()).as(name).isTrue();
            // Slack refuses a long description under 174 characters or over 4,000.
            assertThat(description.group(1).replaceAll("\\s+", " ").strip().length()).as(name).isBetween(174, 4000);
        }
        assertThat(read("manifest.yml")).contains("redirect_urls:\n    - https://barometer.example.dk" + SlackPlugin.REDIRECT_PATH,
                "org_deploy_enabled: true");
    }

    @Test
    void theSocketModeManifestHasNoUrlsAndTheSameFeatures() throws IOException {
        String manifest = read("manifest-socket-mode.yml");
        assertThat(manifest).doesNotContain("url:", "redirect_urls").contains("command: " + SlackListeners.COMMAND, "should_escape: true",
                "- app_home_opened", "- message.im", "- im:write", "socket_mode_enabled: true");
    }
}
