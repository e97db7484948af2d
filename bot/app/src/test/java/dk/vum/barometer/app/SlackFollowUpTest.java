package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dk.vum.barometer.slack.SlackSettings;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dk.vum.barometer.app.SlackWorkspace.buttons;
import static dk.vum.barometer.app.SlackWorkspace.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up loop in Slack, through signed payloads into the running app against the Web API stub: a
 * team leader scoped to one channel is refused another team's measurement; a check question posted in the
 * team channel is answered there by a click of the team leader (any member's click is one person's
 * answer; the button carries no user), refused to someone outside the implementation group, and shown by
 * "tjekliste status".
 */
class SlackFollowUpTest {

    static final String SECRET = "follow-up-signing-secret";
    static final String NORD = "C0NORD";
    static final String SYD = "C0SYD";

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(RoundConversationTest.TUESDAY_MORNING);
    SlackApiStub stub;
    BarometerApp app;
    SlackWorkspace slack;

    @BeforeEach
    void start() {
        stub = SlackApiStub.start();
        SlackSettings settings = new SlackSettings("xoxb-test", SECRET, null, stub.apiUrl(), Duration.ZERO, Duration.ZERO);
        app = new BarometerApp(AppConfig.forTest(data).withSlack(settings), clock).start();
        slack = new SlackWorkspace(stub, app.port(), SECRET, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        stub.close();
    }

    @Test
    void aCheckQuestionIsAnsweredInTheTeamChannel() {
        slack.command("U0TINA", SetupCodeFile.setup(data));
        assertThat(text(slack.command("U0TINA", "rolle <@U0LARS> teamleder <#" + NORD + "|team-nord>")))
                .contains("teamleder for #" + NORD);
        slack.command("U0TINA", "ny \"Syd\" opstart 11-12-2026 <#" + SYD + "|team-syd>");
        assertThat(text(slack.command("U0LARS", "rapport 1"))).contains("hører til et team, du ikke er teamleder for");
        assertThat(text(slack.command("U0LARS", "del 1"))).contains("hører til et team, du ikke er teamleder for");

        slack.command("U0LARS", "tjekliste 3 <#" + NORD + "|team-nord>");
        JsonNode post = slack.awaitPosts(NORD, 1);
        assertThat(text(post)).contains("Ikke anonymt");
        JsonNode partly = buttons(post, b -> b.path("value").asText().equals("3|DELVIS")).get(0);
        JsonNode yes = buttons(post, b -> b.path("value").asText().equals("3|JA")).get(0);

        assertThat(slack.pressIn("U0EVE", NORD, yes)).contains("Kun implementeringsgruppen");
        assertThat(slack.pressIn("U0LARS", NORD, partly)).contains("svarede “Delvis” på tjekspørgsmål 3");
        assertThat(text(slack.command("U0LARS", "tjekliste status <#" + NORD + "|team-nord>")))
                .contains("Forandringsledelse: Delvis – Person U0LARS");
    }
}
