package dk.vum.barometer.app;

import java.util.Map;

/**
 * The shared PostgreSQL database of a deployment with several instances, from the environment:
 * DATABASE_URL ({@code jdbc:postgresql://host:5432/db}, may carry {@code ?user=…&password=…}),
 * DATABASE_USER, DATABASE_PASSWORD and DRAFT_KEY (32 random bytes in base64, the same on every instance,
 * kept away from the database's administrators). Without DATABASE_URL the bot runs on SQLite in DATA_DIR.
 */
public record DatabaseConfig(String url, String user, String password, String draftKey) {

    /** The configured database, or null for SQLite. */
    static DatabaseConfig from(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) return null;
        return new DatabaseConfig(url.strip(), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"), env.get("DRAFT_KEY"));
    }

    /** Keeps the password and the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "DatabaseConfig[" + url.replaceAll("password=[^&]*", "password=***") + "]";
    }
}
