package dk.vum.barometer.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Teams app package as the build fills it in ({@code target/teams-app}): valid against the official
 * manifest and localization schemas, Danish by default with English, the publisher's pages from the build's
 * properties, and commands offered only where they work.
 */
class TeamsAppManifestTest {

    static final Path PACKAGE = Path.of("target/teams-app");

    @Test
    void theManifestAndItsLocalizationAreValidAgainstTheOfficialSchemas() {
        TeamsValidation.manifest(PACKAGE);
    }

    @Test
    void danishByDefaultWithEnglishPagesFromTheBuildAndPersonalCommandsOnlyInThePersonalChat() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(PACKAGE.resolve("manifest.json").toFile());
        assertThat(manifest.toString()).doesNotContain("${");
        assertThat(manifest.path("localizationInfo").path("defaultLanguageTag").asText()).isEqualTo("da-dk");
        assertThat(manifest.path("localizationInfo").path("additionalLanguages").path(0).path("languageTag").asText()).isEqualTo("en-us");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://barometer.example.dk/privatliv");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://barometer.example.dk/vilkaar");
        List<String> inTeams = new ArrayList<>();
        for (JsonNode list : manifest.path("bots").path(0).path("commandLists")) {
            if (list.path("scopes").toString().contains("team")) list.path("commands").forEach(c -> inTeams.add(c.path("title").asText()));
        }
        // The questionnaire is answered only in the personal chat.
        assertThat(inTeams).contains("hjælp").doesNotContain("fortsæt", "ny");
    }
}
