package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.store.OutboxMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds outbox rows from neutral messages. A person's questionnaire message (answers chosen, comments, the
 * review) is never queued with its content: the row keeps only its replace key, an empty message that
 * means "show this person's questionnaire as it is now", and the {@link OutboxDispatcher} has it rendered
 * afresh from the (encrypted) draft when it is sent. So nothing that shows an answer is stored under a
 * person, and the last message in their conversation is always the current one (the thanks, once submitted).
 */
public final class Outbox {

    private Outbox() {
    }

    public static OutboxMessage message(OrgId org, Destination destination, Message message, String dedupeKey) {
        String kind = destination instanceof Destination.Direct ? "direct" : "channel";
        Message queued = isQuestionnaire(message) ? new Message(List.of(), message.replaceKey(), message.repost()) : message;
        return new OutboxMessage(org, kind, destination.id(), MessageCodec.toJson(queued), dedupeKey);
    }

    /** A person's questionnaire message, which shows their current state and is queued as its key only. */
    public static boolean isQuestionnaire(Message message) {
        return message.replaceKey() != null && message.replaceKey().startsWith(QuestionnaireActions.REPLACE_KEY_PREFIX);
    }

    /** A queued questionnaire message, to be rendered as it is now when sent. */
    static boolean isRefresh(Message message) {
        return message.blocks().isEmpty() && isQuestionnaire(message);
    }

    /** Several messages for one destination, queued in order under {@code dedupeKey:0}, {@code :1}, ... */
    public static List<OutboxMessage> messages(OrgId org, Destination destination, List<Message> messages, String dedupeKey) {
        List<OutboxMessage> queued = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            queued.add(message(org, destination, messages.get(i), dedupeKey + ":" + i));
        }
        return queued;
    }

    /**
     * The current minute as a dedupe key part: the same command repeated within the minute (a double
     * send, an impatient retry) queues its messages once.
     */
    public static String minute(Clock clock) {
        return String.valueOf(Instant.now(clock).truncatedTo(ChronoUnit.MINUTES).getEpochSecond());
    }

    public static Destination destination(OutboxMessage message) {
        return "direct".equals(message.destinationKind())
                ? new Destination.Direct(message.destinationId())
                : new Destination.Channel(message.destinationId());
    }
}
