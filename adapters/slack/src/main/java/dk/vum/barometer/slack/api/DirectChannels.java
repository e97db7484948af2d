package dk.vum.barometer.slack.api;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.AdapterStateStore;

import java.util.Optional;

/**
 * The bot's direct conversation with each user (conversations.open, kept in the adapter state), and
 * whether a conversation is that one: a slash command typed in a DM between two people is not.
 */
public final class DirectChannels {

    static final String NAMESPACE = "slack.dm";

    private final SlackClients clients;
    private final AdapterStateStore state;
    private final Pacer opens;

    public DirectChannels(SlackClients clients, AdapterStateStore state, Pacer opens) {
        this.clients = clients;
        this.state = state;
        this.opens = opens;
    }

    public String channelOf(OrgId org, String userId) throws SendFailure {
        Optional<String> known = state.state(org, NAMESPACE, userId);
        if (known.isPresent()) return known.get();
        opens.await("conversations.open");
        String channel = clients.run(org, "conversations.open", c -> c.conversationsOpen(r -> r.users(java.util.List.of(userId))))
                .getChannel().getId();
        state.putState(org, NAMESPACE, userId, channel);
        return channel;
    }

    /** True if the conversation is the bot's direct conversation with the user. */
    public boolean isDirect(OrgId org, String userId, String channelId) throws SendFailure {
        if (channelId == null || !channelId.startsWith("D")) return false;
        return channelId.equals(channelOf(org, userId));
    }
}
