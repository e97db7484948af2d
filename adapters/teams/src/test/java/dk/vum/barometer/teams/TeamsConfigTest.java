package dk.vum.barometer.teams;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsConfigTest {

    @Test
    void withoutAnAppIdTeamsIsOffUnlessUnauthenticatedTrialsAreAsked() {
        assertThat(TeamsConfig.from(Map.of()).enabled()).isFalse();
        assertThat(TeamsConfig.from(Map.of("MICROSOFT_APP_ID", "  ")).enabled()).isFalse();
        TeamsConfig trial = TeamsConfig.from(Map.of("TEAMS_ALLOW_UNAUTHENTICATED", "true"));
        assertThat(trial.enabled()).isTrue();
        assertThat(trial.authenticated()).isFalse();
    }

    @Test
    void anAppIdTurnsOnValidationAgainstTheBotFrameworkByDefault() {
        TeamsConfig config = TeamsConfig.from(Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "secret",
                "TEAMS_ALLOW_UNAUTHENTICATED", "true"));
        assertThat(config.authenticated()).isTrue();
        assertThat(config.openIdMetadataUrl()).isEqualTo(TeamsConfig.BOT_FRAMEWORK_METADATA);
        assertThat(config.tokenEndpoint()).isEqualTo(URI.create("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"));
        assertThat(config.messagesPerSecond()).isEqualTo(7.0);
    }

    @Test
    void aSingleTenantBotGetsItsTokenFromItsTenantAndEndpointsCanBePointedElsewhere() {
        TeamsConfig single = TeamsConfig.from(Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_TENANT_ID", "contoso-tenant"));
        assertThat(single.tokenEndpoint().toString()).isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
        TeamsConfig local = TeamsConfig.from(Map.of("MICROSOFT_APP_ID", "app",
                "TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9/openid", "TEAMS_TOKEN_ENDPOINT", "http://127.0.0.1:9/token",
                "TEAMS_MESSAGES_PER_SECOND", "100"));
        assertThat(local.openIdMetadataUrl()).isEqualTo(URI.create("http://127.0.0.1:9/openid"));
        assertThat(local.tokenEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9/token"));
        assertThat(local.messagesPerSecond()).isEqualTo(100.0);
    }
}
