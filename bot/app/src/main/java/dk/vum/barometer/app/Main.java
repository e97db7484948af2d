package dk.vum.barometer.app;

import java.time.Clock;
import java.util.List;

/** Starts the bot: {@code java -jar barometer.jar [--demo]}; settings from the environment (README). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppConfig config = AppConfig.from(System.getenv(), List.of(args));
        BarometerApp app = new BarometerApp(config, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    }
}
