package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.slack.SlackSettings;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting 1,000 people in a Slack workspace whose Web API answers every seventh chat.postMessage and
 * conversations.open with 429: the outbox waits as asked and goes on, and every invitation arrives exactly
 * once.
 */
class SlackInvitationsTest {

    static final OrgId ORG = OrgId.of(Platform.SLACK, SlackApiStub.TEAM);

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(RoundConversationTest.TUESDAY_MORNING);
    SlackApiStub stub = SlackApiStub.start();
    BarometerApp app;

    @AfterEach
    void stop() {
        app.close();
        stub.close();
    }

    @Test
    void aThousandInvitationsThroughRateLimitsArriveExactlyOnceEach() {
        SlackSettings settings = new SlackSettings("xoxb-test", "secret", null, stub.apiUrl(), Duration.ZERO, Duration.ZERO);
        // The test drains the outbox itself; the background dispatcher stays out of the way.
        app = new BarometerApp(AppConfig.forTest(data).withSlack(settings).withOutboxInterval(Duration.ofHours(1)), clock).start();
        List<String> people = IntStream.range(0, 1000).mapToObj(i -> String.format("U%07d", i)).toList();

        say(SetupCodeFile.setup(data));
        say("ny \"Alle sagsbehandlere\" opstart 11-12-2026");
        // The bot is handed events directly here, so the people are made known as the Slack adapter learns them (users.info).
        people.forEach(u -> app.store().upsertUser(ORG, u, "Person " + u));
        for (int from = 0; from < people.size(); from += 250) {
            String mentions = people.subList(from, from + 250).stream().map(u -> "@" + u).collect(Collectors.joining(" "));
            assertThat(text(say("tilføj 1 sagsbehandler " + mentions))).contains("250 sagsbehandlere");
        }
        stub.rateLimitEvery(7, Set.of("chat.postMessage", "conversations.open"));
        assertThat(text(say("start 1"))).contains("1000");

        int sent = 0;
        for (int round = 0; round < 50 && sent < people.size(); round++) {
            sent += app.dispatcher().drain();
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(stub.limitedCount()).isGreaterThan(100);
        Map<String, Long> perChannel = stub.accepted("chat.postMessage").stream()
                .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
        assertThat(perChannel).isEqualTo(people.stream().collect(Collectors.toMap(u -> "D" + u, u -> 1L)));
        assertThat(sent).isEqualTo(people.size());
        assertThat(app.store().failed(ORG)).isEmpty();
        assertThat(app.dispatcher().drain()).isZero();
    }

    private List<Message> say(String text) {
        Address coordinator = new Address(ORG, "DU0COORD", true, "U0COORD", "Tovholder");
        return app.bot().handle(new Inbound.TextInput(coordinator, UUID.randomUUID().toString(), text));
    }

    private static String text(List<Message> messages) {
        return messages.stream().map(Message::plainText).collect(Collectors.joining("\n"));
    }

}
