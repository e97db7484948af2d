package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.MessageCodec;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.TranscriptEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalMessageSenderTest {

    private static final OrgId ORG = OrgId.of(Platform.LOCAL, "demo");

    private final InMemoryChatStore store = new InMemoryChatStore();
    private final LocalMessageSender sender = new LocalMessageSender(store, ORG, List.of("team-nord"));

    @Test
    void aDirectMessageLandsInTheUsersDirectConversation() throws SendFailure {
        Message invitation = Message.text("Du er inviteret til måling 1");

        sender.send(ORG, new Destination.Direct("u1"), invitation);

        assertThat(store.transcript(ORG, "dm:u1", 0, 10)).extracting(TranscriptEntry::payload)
                .containsExactly(MessageCodec.toJson(invitation));
    }

    @Test
    void aChannelMessageLandsInTheChannel() throws SendFailure {
        sender.send(ORG, new Destination.Channel("team-nord"), Message.text("Resultater"));

        assertThat(store.conversations(ORG)).containsExactly("team-nord");
    }

    @Test
    void aReplaceKeyReplacesTheEarlierMessage() throws SendFailure {
        sender.send(ORG, new Destination.Direct("u1"), Message.text("Påmindelse 1").withReplaceKey("reminder"));
        sender.send(ORG, new Destination.Direct("u1"), Message.text("Påmindelse 2").withReplaceKey("reminder"));

        assertThat(store.transcript(ORG, "dm:u1", 0, 10)).singleElement()
                .satisfies(entry -> assertThat(MessageCodec.fromJson(entry.payload()).plainText()).isEqualTo("Påmindelse 2"));
    }

    @Test
    void refusesForGoodAnotherOrganisationAChannelIdThatNamesADirectConversationAndAnUnknownChannel() {
        assertThatThrownBy(() -> sender.send(OrgId.of(Platform.SLACK, "T1"), new Destination.Direct("u1"), Message.text("x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThatThrownBy(() -> sender.send(ORG, new Destination.Channel("dm:u2"), Message.text("x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThatThrownBy(() -> sender.send(ORG, new Destination.Channel("findesikke"), Message.text("x")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(store.allPayloads()).isEmpty();
    }
}
