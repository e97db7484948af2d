package dk.vum.barometer.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Validates with Microsoft's own npm packages, run by Node from {@code adapters/teams/src/test/node}: Adaptive
 * Cards with {@code adaptivecards} read at schema 1.5, the Teams app package with {@code @microsoft/app-manifest}.
 * Fails when Node or the packages are missing: install them with {@code .ci/install-teams-validation.sh}.
 * Shared with the host's whole-round tests (test-jar), which validate every card the stub received.
 */
public final class TeamsValidation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsValidation() {
    }

    /** Every card is valid Adaptive Card 1.5 as Microsoft's renderer reads it. */
    public static void cards(List<JsonNode> cards) {
        if (cards.isEmpty()) return;
        try {
            Path file = Files.createTempFile("teams-cards", ".json");
            try {
                Files.write(file, JSON.writeValueAsBytes(cards));
                run("validate-cards.cjs", file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app package's manifest and localization files are valid against the official schemas. */
    public static void manifest(Path packageDirectory) {
        run("validate-manifest.cjs", packageDirectory);
    }

    private static void run(String script, Path argument) {
        Path dir = harness();
        String hint = " Run .ci/install-teams-validation.sh.";
        if (!Files.isDirectory(dir.resolve("node_modules/adaptivecards"))) fail("npm packages missing in " + dir + "." + hint);
        try {
            Path log = Files.createTempFile("teams-validation", ".log");
            Process node = new ProcessBuilder("node", dir.resolve(script).toString(), argument.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // A safety net against a hung process, not a timing assertion.
            if (!node.waitFor(2, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                fail(script + " did not finish");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            assertThat(node.exitValue()).as("%s:%n%s", script, output).isZero();
        } catch (IOException e) {
            fail("node does not run." + hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** The Node harness, found from the module a test runs in (this one or the host's). */
    private static Path harness() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("adapters/teams/src/test/node");
            if (Files.isDirectory(candidate)) return candidate;
            if (Files.isDirectory(dir.resolve("src/test/node")) && dir.endsWith("adapters/teams")) return dir.resolve("src/test/node");
        }
        throw new IllegalStateException("adapters/teams/src/test/node not found from " + Path.of("").toAbsolutePath());
    }
}
