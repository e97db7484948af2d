package dk.vum.barometer.core.access;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.store.OutboxStore;

import java.time.Clock;
import java.util.List;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Replies that are for one person only (a questionnaire, a summary with comments): asked for in a
 * channel, they go to the person's direct conversation, and the channel only hears where they went.
 */
public final class PrivateReplies {

    private final OutboxStore outbox;
    private final Clock clock;

    public PrivateReplies(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The replies themselves in a direct conversation; elsewhere a note, and the replies queued privately. */
    public List<Message> deliver(Caller c, String topic, List<Message> replies) {
        if (c.address().direct()) return replies;
        outbox.enqueue(Outbox.messages(c.org(), new Destination.Direct(c.userId()), replies,
                "private:" + topic + ":" + c.userId() + ":" + Outbox.minute(clock)));
        return List.of(Message.text(t(c.language(), "private.sent")));
    }
}
