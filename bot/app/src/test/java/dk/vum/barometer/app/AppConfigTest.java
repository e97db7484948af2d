package dk.vum.barometer.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    @Test
    void withoutDatabaseUrlTheBotRunsOnSqliteWithTheWebChat() {
        AppConfig config = AppConfig.from(Map.of("DATA_DIR", "/tmp/x"), List.of());

        assertThat(config.database()).isNull();
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.webChat()).isTrue();
        assertThat(config.demo()).isTrue();
        assertThat(config.keyFile()).isEqualTo(Path.of("/tmp/x/barometer.key"));
        assertThat(config.draftKey()).isNull();
        assertThat(config.coordinators()).isEmpty();
    }

    @Test
    void theKeyFileAndTheCoordinatorsCanBeConfigured() {
        AppConfig config = AppConfig.from(Map.of("DATA_DIR", "/tmp/x", "KEY_FILE", "/etc/barometer/draft.key",
                "COORDINATORS", "slack:T1:U1,teams:tenant:29:abc"), List.of());

        assertThat(config.keyFile()).isEqualTo(Path.of("/etc/barometer/draft.key"));
        assertThat(config.coordinators()).extracting(c -> c.org().value() + "/" + c.userId())
                .containsExactly("slack:T1/U1", "teams:tenant/29:abc");
        assertThatThrownBy(() -> AppConfig.from(Map.of("COORDINATORS", "T1:U1"), List.of()))
                .hasMessageContaining("COORDINATORS");
    }

    @Test
    void databaseUrlSwitchesToPostgresWithoutTheWebChat() {
        AppConfig config = AppConfig.from(Map.of("DATABASE_URL", " jdbc:postgresql://db:5432/barometer ",
                "DATABASE_USER", "bot", "DATABASE_PASSWORD", "secret", "DRAFT_KEY", "a2V5"), List.of());

        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:postgresql://db:5432/barometer", "bot", "secret", "a2V5"));
        assertThat(config.webChat()).isFalse();
        assertThat(config.demo()).isFalse();
    }

    @Test
    void theWebChatIsRefusedOnPostgres() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("DATABASE_URL", "jdbc:postgresql://db/b", "WEBCHAT", "true"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBCHAT=false");
    }

    @Test
    void theDatabaseSettingsNeverPrintAPasswordOrTheKey() {
        DatabaseConfig db = new DatabaseConfig("jdbc:postgresql://db/b?user=bot&password=hunter2", null, "secret", "a2V5");

        assertThat(db.toString()).doesNotContain("hunter2", "secret", "a2V5").contains("password=***");
    }
}
