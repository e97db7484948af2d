package dk.vum.barometer.core.outbox;

import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;

import java.util.Optional;

/** Renders a person's message that is queued by its replace key only (see {@link Outbox}) as it is now. */
@FunctionalInterface
public interface CurrentMessages {

    /** The message with {@code replaceKey} for the user as it is now, or empty when there is nothing to show. */
    Optional<Message> of(OrgId org, String userId, String replaceKey);
}
