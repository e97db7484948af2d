package dk.vum.barometer.teams;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.teams.connector.BotConnector;
import dk.vum.barometer.teams.connector.ConnectorFailure;
import dk.vum.barometer.teams.connector.Target;
import dk.vum.barometer.teams.state.TeamsState;
import dk.vum.barometer.teams.state.UserRef;

/**
 * Proactive messages in Teams, for the core's outbox: to a person through the conversation reference stored
 * when they installed the app or wrote to the bot (opening the one-to-one chat first when only their id is
 * known, and once more when Teams no longer finds the stored one: 404), to a team channel by its id. A person
 * who blocked the bot or removed the app (403), or whose chat cannot be opened again, is forgotten,
 * so the coordinator sees their name among those who cannot be reached, and the message fails for good;
 * throttling and gateway errors are retried by the outbox after the wait Teams asked for.
 */
public final class TeamsMessageSender implements MessageSender {

    private final BotConnector connector;
    private final TeamsState state;
    private final ConversationWriter writer;

    TeamsMessageSender(BotConnector connector, TeamsState state, ConversationWriter writer) {
        this.connector = connector;
        this.state = state;
        this.writer = writer;
    }

    @Override
    public void send(OrgId org, Destination destination, Message message) throws SendFailure {
        if (org.platform() != Platform.TEAMS) throw SendFailure.permanent("not a Teams organisation: " + org);
        String tenantId = org.value().substring(org.value().indexOf(':') + 1);
        try {
            if (destination instanceof Destination.Direct direct) {
                sendDirect(org, tenantId, direct.id(), message);
            } else {
                UserRef service = state.service(org)
                        .orElseThrow(() -> SendFailure.permanent("the bot has not been installed in this tenant"));
                writer.post(org, new Target(service.serviceUrl(), tenantId, destination.id()), message);
            }
        } catch (ConnectorFailure f) {
            throw asSendFailure(f);
        }
    }

    private void sendDirect(OrgId org, String tenantId, String userId, Message message) throws SendFailure, ConnectorFailure {
        UserRef ref = state.user(org, userId)
                .orElseThrow(() -> SendFailure.permanent("no conversation with this user: the app is not installed for them"));
        try {
            try {
                deliver(org, tenantId, userId, ref, message);
            } catch (ConnectorFailure f) {
                if (f.status() != 404 || ref.conversationId() == null) throw f;
                // The stored conversation is gone (404): open the one-to-one chat again, once.
                UserRef fresh = ref.withConversation(null);
                state.saveUser(org, userId, fresh);
                deliver(org, tenantId, userId, fresh, message);
            }
        } catch (ConnectorFailure f) {
            // Blocked, app removed, or no conversation even after opening a new one: unreachable until they return.
            if (f.status() == 403 || f.status() == 404) state.forgetUser(org, userId);
            throw f;
        }
    }

    private void deliver(OrgId org, String tenantId, String userId, UserRef ref, Message message) throws ConnectorFailure {
        if (ref.conversationId() == null) {
            ref = ref.withConversation(connector.createPersonalConversation(ref.serviceUrl(), tenantId, ref.botId(), userId));
            state.saveUser(org, userId, ref);
        }
        writer.write(org, new Target(ref.serviceUrl(), tenantId, ref.conversationId()), ref.conversationId(), message, null);
    }

    private static SendFailure asSendFailure(ConnectorFailure f) {
        if (f.retryable()) {
            return f.retryAfter() != null ? SendFailure.rateLimited(f.retryAfter()) : SendFailure.transientFailure(f.getMessage());
        }
        return SendFailure.permanent(f.getMessage());
    }
}
