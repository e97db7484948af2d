package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    private static final OrgId ORG = new OrgId("slack:T1");

    @Test
    void aQuestionnaireMessageIsQueuedAsItsKeyOnly() {
        Message review = new Message(java.util.List.of(new Block.Paragraph("Din kommentar: hemmelig")),
                QuestionnaireActions.replaceKey(3));

        var queued = Outbox.message(ORG, new Destination.Direct("U1"), review, null);

        assertThat(queued.payload()).doesNotContain("hemmelig");
        Message back = MessageCodec.fromJson(queued.payload());
        assertThat(Outbox.isRefresh(back)).isTrue();
        assertThat(QuestionnaireActions.measurementOf(back.replaceKey())).contains(3);
    }

    @Test
    void otherMessagesAreQueuedAsTheyAre() {
        Message invitation = Message.text("Invitation");
        var queued = Outbox.message(ORG, new Destination.Direct("U1"), invitation, "k");
        assertThat(MessageCodec.fromJson(queued.payload())).isEqualTo(invitation);
    }
}
