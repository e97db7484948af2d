package dk.vum.barometer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What whoever runs the bot reads to set an organisation up: the current code in the data folder. */
final class SetupCodeFile {

    private SetupCodeFile() {
    }

    /** {@code opsæt <the current code>}. */
    static String setup(Path dataDir) {
        try {
            return "opsæt " + Files.readString(dataDir.resolve(BarometerApp.SETUP_CODE_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
