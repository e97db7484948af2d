package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.Inbound;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code src/test/browser/webchat.spec.mjs} in headless Chromium against a real server whose bot
 * plays {@link DemoScript}. Fails when Chromium, node or playwright-core is missing (install them with
 * {@code .ci/install-browser.sh}); {@code -DbrowserTests=skip} skips it instead.
 */
class WebChatBrowserTest {

    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT_DIR = Path.of("target");

    @Test
    void aPersonCanUseTheChatInARealBrowser() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getProperty("browserTests")), "browserTests=skip");
        requireBrowserTools();
        ScriptedChatBot bot = new ScriptedChatBot(event -> List.of());
        try (ChatServer server = new ChatServer(bot)) {
            DemoReport report = new DemoReport();
            server.serve(DemoReport.CHART_PATH, report.chart);
            bot.answer(new DemoScript(new LocalMessageSender(server.store, ChatServer.ORG, ChatServer.CHANNELS), report));

            Path log = OUT_DIR.resolve("webchat-browser.log");
            int exitCode = runNode(server.baseUrl(), log);

            assertThat(exitCode).as("browser test output:%n%s", Files.readString(log, StandardCharsets.UTF_8)).isZero();
            assertThat(bot.received()).filteredOn(Inbound.FormInput.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((Inbound.FormInput) event).values())
                            .containsEntry("respondents", "u2,u3")
                            .containsEntry("channel", "team-nord")
                            .containsEntry("deadline", "2025-06-30")
                            .containsEntry("draft", "7"));
            assertThat(bot.received()).extracting(Inbound::deliveryId).doesNotHaveDuplicates().doesNotContainNull();
            assertThat(Files.size(OUT_DIR.resolve("webchat.png"))).isPositive();
            assertThat(Files.size(OUT_DIR.resolve("webchat-phone.png"))).isPositive();
            assertThat(Files.size(OUT_DIR.resolve("webchat-summary.png"))).isPositive();
        }
    }

    private static int runNode(String baseUrl, Path log) throws IOException, InterruptedException {
        Files.createDirectories(OUT_DIR);
        ProcessBuilder node = new ProcessBuilder("node", BROWSER_TESTS.resolve("webchat.spec.mjs").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(Map.of("BASE_URL", baseUrl, "OUT_DIR", OUT_DIR.toAbsolutePath().toString()));
        Process process = node.start();
        // A safety net against a hung browser, not a timing assertion.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the browser test did not finish in 5 minutes; see " + log.toAbsolutePath());
        }
        return process.exitValue();
    }

    private static void requireBrowserTools() {
        String hint = " Run .ci/install-browser.sh, or pass -DbrowserTests=skip.";
        if (!Files.isExecutable(CHROMIUM)) fail(CHROMIUM + " is missing." + hint);
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is not installed in " + BROWSER_TESTS.toAbsolutePath() + "." + hint);
        }
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (version.waitFor() != 0) fail("node does not run." + hint);
        } catch (IOException e) {
            fail("node is missing." + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
