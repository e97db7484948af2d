package dk.vum.barometer.app;

import dk.vum.barometer.app.teams.BotFrameworkStub;
import dk.vum.barometer.app.teams.TeamsClient;
import dk.vum.barometer.teams.TeamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every Teams test of the host shares: a Bot Framework stub, the app started with Teams on against it
 * (tokens checked against the stub's key set, the outbox drained by the test only, as the background run
 * would race it) and a client speaking for one tenant.
 */
abstract class TeamsHost {

    static final String APP_ID = "barometer-app-id";

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(RoundConversationTest.TUESDAY_MORNING);
    BotFrameworkStub stub;
    BarometerApp app;
    TeamsClient teams;

    /** The tenant the client speaks for. */
    abstract String tenant();

    /** The host's configuration; a test class adds what it needs. */
    AppConfig config() {
        return hostConfig(data, stub);
    }

    /** Whether, after each test, every call is checked against what Teams would have taken (its pacing). */
    boolean checksPacing() {
        return false;
    }

    @BeforeEach
    void startHost() throws Exception {
        stub = new BotFrameworkStub();
        app = new BarometerApp(config(), clock).start();
        teams = new TeamsClient(app.port(), stub, APP_ID, tenant());
    }

    @AfterEach
    void stopHost() {
        app.close();
        stub.close();
        if (checksPacing()) stub.assertTeamsWouldTakeEverything();
    }

    static AppConfig hostConfig(Path data, BotFrameworkStub stub) {
        TeamsConfig teams = new TeamsConfig(APP_ID, "app-secret", false, stub.openIdMetadata(),
                stub.tokenEndpoint(), 1000, 1000);
        return AppConfig.forTest(data).withTeams(teams).withOutboxInterval(Duration.ofHours(1));
    }
}
