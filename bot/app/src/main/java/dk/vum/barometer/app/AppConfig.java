package dk.vum.barometer.app;

import dk.vum.barometer.core.admin.Coordinators;
import dk.vum.barometer.slack.SlackSettings;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import dk.vum.barometer.teams.TeamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings from environment variables (documented in README), with defaults that run anywhere:
 * port 7070 on this machine only, data in ./data, the local web chat with its demo organisation.
 *
 * @param port               PORT
 * @param host               HOST, the address to listen on; loopback by default, because the local web chat
 *                           lets anyone act as any user
 * @param dataDir            DATA_DIR, where the SQLite file lives
 * @param database           DATABASE_URL and friends: the shared PostgreSQL database; null for SQLite
 * @param contentDir         CONTENT_DIR, edited questionnaire content; null for the built-in content
 * @param demo               DEMO (default: as WEBCHAT) or --demo: the demo organisation, users and channels
 * @param webChat            WEBCHAT: the local web chat (default on, except on PostgreSQL, where it is refused)
 * @param reminderDaysBefore REMINDER_DAYS_BEFORE, e.g. "3,1"
 * @param outboxInterval     OUTBOX_POLL_MS
 * @param reminderInterval   REMINDER_POLL_SECONDS
 * @param teams              Microsoft Teams: MICROSOFT_APP_ID and the other TEAMS_* variables
 * @param slack              SLACK_*: the Slack adapter's settings, or null when Slack is off
 * @param files              PUBLIC_URL and FILE_LINK_DAYS: where charts and exports are linked from, and for how long
 * @param draftKey           DRAFT_KEY on SQLite: the key for drafts and sealed submissions; null for the key file
 * @param keyFile            KEY_FILE: where SQLite's key is kept (created on first start) when DRAFT_KEY is unset
 * @param coordinators       COORDINATORS: people made coordinator of an organisation that has none, at start
 */
public record AppConfig(int port, String host, Path dataDir, DatabaseConfig database, Path contentDir, boolean demo,
                        boolean webChat, List<Integer> reminderDaysBefore, Duration outboxInterval, Duration reminderInterval,
                        TeamsConfig teams, SlackSettings slack, FilesConfig files, String draftKey, Path keyFile,
                        List<Coordinators.Configured> coordinators) {

    public AppConfig {
        if (database != null && webChat) {
            // The web chat keeps its transcript in the database; PostgreSQL would keep every replaced
            // questionnaire message, with the answer chosen, readable in dead row versions.
            throw new IllegalArgumentException("the local web chat is for trials on SQLite: set WEBCHAT=false with DATABASE_URL");
        }
    }

    public static AppConfig from(Map<String, String> env, List<String> args) {
        String content = env.get("CONTENT_DIR");
        DatabaseConfig database = DatabaseConfig.from(env);
        String webChat = env.getOrDefault("WEBCHAT", String.valueOf(database == null));
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data"));
        String keyFile = env.get("KEY_FILE");
        return new AppConfig(
                Integer.parseInt(env.getOrDefault("PORT", "7070")),
                env.getOrDefault("HOST", "127.0.0.1"),
                dataDir,
                database,
                content == null || content.isBlank() ? null : Path.of(content),
                args.contains("--demo") || Boolean.parseBoolean(env.getOrDefault("DEMO", webChat)),
                Boolean.parseBoolean(webChat),
                Arrays.stream(env.getOrDefault("REMINDER_DAYS_BEFORE", "3,1").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList(),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("OUTBOX_POLL_MS", "1000"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("REMINDER_POLL_SECONDS", "300"))),
                TeamsConfig.from(env),
                SlackSettings.from(env).orElse(null),
                FilesConfig.from(env),
                env.get("DRAFT_KEY"),
                keyFile == null || keyFile.isBlank() ? dataDir.resolve(SqliteStorage.KEY_FILE_NAME) : Path.of(keyFile),
                Coordinators.parse(env.get("COORDINATORS")));
    }

    /** Defaults for a test: random port, the given data folder, demo off, no chat platform but the web chat. */
    public static AppConfig forTest(Path dataDir) {
        return new AppConfig(0, "127.0.0.1", dataDir, null, null, false, true, List.of(3, 1),
                Duration.ofMillis(200), Duration.ofMinutes(5), TeamsConfig.from(Map.of()), null, FilesConfig.from(Map.of()),
                null, dataDir.resolve(SqliteStorage.KEY_FILE_NAME), List.of());
    }

    public AppConfig withDemo(boolean on) {
        return new AppConfig(port, host, dataDir, database, contentDir, on, webChat, reminderDaysBefore, outboxInterval,
                reminderInterval, teams, slack, files, draftKey, keyFile, coordinators);
    }

    /** On a PostgreSQL database: the local web chat is off, the demo organisation stays as it was. */
    public AppConfig withDatabase(DatabaseConfig db) {
        return new AppConfig(port, host, dataDir, db, contentDir, demo, false, reminderDaysBefore, outboxInterval,
                reminderInterval, teams, slack, files, draftKey, keyFile, coordinators);
    }

    public AppConfig withOutboxInterval(Duration interval) {
        return new AppConfig(port, host, dataDir, database, contentDir, demo, webChat, reminderDaysBefore, interval,
                reminderInterval, teams, slack, files, draftKey, keyFile, coordinators);
    }

    public AppConfig withTeams(TeamsConfig settings) {
        return new AppConfig(port, host, dataDir, database, contentDir, demo, webChat, reminderDaysBefore, outboxInterval,
                reminderInterval, settings, slack, files, draftKey, keyFile, coordinators);
    }

    public AppConfig withFiles(FilesConfig settings) {
        return new AppConfig(port, host, dataDir, database, contentDir, demo, webChat, reminderDaysBefore, outboxInterval,
                reminderInterval, teams, slack, settings, draftKey, keyFile, coordinators);
    }

    public AppConfig withCoordinators(List<Coordinators.Configured> configured) {
        return new AppConfig(port, host, dataDir, database, contentDir, demo, webChat, reminderDaysBefore, outboxInterval,
                reminderInterval, teams, slack, files, draftKey, keyFile, configured);
    }

    public AppConfig withSlack(SlackSettings settings) {
        return new AppConfig(port, host, dataDir, database, contentDir, demo, webChat, reminderDaysBefore, outboxInterval,
                reminderInterval, teams, settings, files, draftKey, keyFile, coordinators);
    }
}
