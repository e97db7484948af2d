package dk.vum.barometer.teams.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The bot's and the Bot Framework SDK's versions, written into {@code versions.properties} by the build. */
final class Versions {

    private Versions() {
    }

    /** E.g. "VUM-Barometer/0.1.0 BotBuilder/4.14.3 (JVM 17.0.12; Linux)". */
    static String userAgent() {
        Properties versions = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "VUM-Barometer/" + versions.getProperty("barometer", "unknown")
                + " BotBuilder/" + versions.getProperty("botframework", "unknown")
                + " (JVM " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")";
    }
}
