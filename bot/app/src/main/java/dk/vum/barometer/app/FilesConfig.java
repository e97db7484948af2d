package dk.vum.barometer.app;

import java.time.Duration;
import java.util.Map;

/**
 * Where charts and exports are linked from.
 *
 * @param publicUrl    PUBLIC_URL, the bot's public HTTPS address (Teams fetches pictures from it); null gives
 *                     relative links, which only the local web chat can open
 * @param linkLifetime FILE_LINK_DAYS (default 7): how long a chart or export link works
 */
public record FilesConfig(String publicUrl, Duration linkLifetime) {

    public FilesConfig {
        if (linkLifetime.isNegative() || linkLifetime.isZero()) throw new IllegalArgumentException("FILE_LINK_DAYS must be at least 1");
    }

    static FilesConfig from(Map<String, String> env) {
        String url = env.get("PUBLIC_URL");
        return new FilesConfig(url == null || url.isBlank() ? null : url.strip(),
                Duration.ofDays(Long.parseLong(env.getOrDefault("FILE_LINK_DAYS", "7"))));
    }
}
