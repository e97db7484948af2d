package dk.vum.barometer.slack;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Proactive messages against the Web API stub, and Slack's answers in the outbox's terms. */
class SlackMessageSenderTest {

    static final OrgId ORG = OrgId.of(Platform.SLACK, SlackApiStub.TEAM);

    SlackApiStub stub = SlackApiStub.start();
    SlackPlugin plugin = new SlackPlugin(new SlackSettings("xoxb-1", "secret", null, stub.apiUrl(), Duration.ZERO, Duration.ZERO),
            event -> List.of(), null, SlackEventsEndpointTest.stores(), Clock.systemUTC());
    MessageSender sender = plugin.sender();

    @AfterEach
    void stop() {
        plugin.close();
        stub.close();
    }

    @Test
    void aDirectMessageOpensTheConversationOnceAndIsUpdatedInPlaceByItsReplaceKey() throws SendFailure {
        sender.send(ORG, new Destination.Direct("U1"), Message.text("Invitation"));
        sender.send(ORG, new Destination.Direct("U1"), Message.text("Spørgsmål 1").withReplaceKey("questionnaire:1"));
        sender.send(ORG, new Destination.Direct("U1"), Message.text("Måling 1 er lukket").withReplaceKey("questionnaire:1"));
        assertThat(stub.accepted("conversations.open")).hasSize(1);
        assertThat(stub.accepted("chat.postMessage")).extracting(c -> c.param("text")).containsExactly("Invitation", "Spørgsmål 1");
        assertThat(stub.accepted("chat.update")).singleElement().satisfies(c -> {
            assertThat(c.param("channel")).isEqualTo("DU1");
            assertThat(c.param("text")).isEqualTo("Måling 1 er lukket");
        });
    }

    @Test
    void slacksAnswersBecomeRetriesWaitsOrPermanentFailures() {
        stub.rateLimitEvery(1, Set.of("chat.postMessage"));
        SendFailure limited = fail(new Destination.Channel("C1"));
        assertThat(limited.permanent()).isFalse();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        stub.rateLimitEvery(0, Set.of());

        assertThat(fail(new Destination.Channel("HTTP_500")).permanent()).isFalse();
        assertThat(fail(new Destination.Channel("ERR_INTERNAL_ERROR")).permanent()).isFalse();
        assertThat(fail(new Destination.Channel("ERR_CHANNEL_NOT_FOUND")).permanent()).isTrue();
        assertThat(fail(new Destination.Direct("ERR_USER_NOT_FOUND")).permanent()).isTrue();
        assertThat(fail(new Destination.Channel("ERR_USER_NOT_FOUND")).getMessage()).isEqualTo("chat.postMessage: user_not_found");
    }

    @Test
    void aRefusedTokenStopsAllSendingForTheInstallationWithoutAskingSlackAgain() {
        stub.revoke("xoxb-1");
        assertThat(fail(new Destination.Channel("C1")).getMessage()).isEqualTo("chat.postMessage: invalid_auth");
        int calls = stub.calls().size();
        SendFailure next = fail(new Destination.Direct("U2"));
        assertThat(next.permanent()).isTrue();
        assertThat(next.getMessage()).contains("not installed");
        assertThat(stub.calls()).hasSize(calls);
    }

    @Test
    void aChannelThatRefusesThePostIsExplainedToWhoAskedWithTheFix() {
        SendFailure f = fail(new Destination.Channel("C0OUTSIDE", "U0LARS"));
        assertThat(f.permanent()).isTrue();
        SlackApiStub.Call notice = stub.await("chat.postMessage", c -> "DU0LARS".equals(c.param("channel")));
        assertThat(notice.param("text")).contains("#C0OUTSIDE", "/invite @Barometer");
        // A post nobody in particular asked for has nobody to tell.
        fail(new Destination.Channel("C0OUTSIDE"));
        assertThat(stub.accepted("chat.postMessage")).filteredOn(c -> c.param("channel").startsWith("D")).hasSize(1);
    }

    @Test
    void anotherPlatformsOrganisationIsRefused() {
        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender.send(OrgId.of(Platform.LOCAL, "demo"), new Destination.Channel("C1"), Message.text("x")));
        assertThat(f.permanent()).isTrue();
        assertThat(stub.calls()).isEmpty();
    }

    private SendFailure fail(Destination destination) {
        SendFailure f = catchThrowableOfType(SendFailure.class, () -> sender.send(ORG, destination, Message.text("Resultater")));
        assertThat(f).as(destination.toString()).isNotNull();
        return f;
    }
}
