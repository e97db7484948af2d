package dk.vum.barometer.slack.api;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Whether the bot can post in a channel someone chose, checked when it is chosen rather than when the
 * summary is due: a channel the bot is in is fine; a public one it joins by itself (conversations.join);
 * a private one it is not in needs {@code /invite @Barometer} first. When Slack cannot tell (an older
 * install without the scope, Slack down), the choice stands and the post's own failure explains later.
 */
public final class ChannelCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelCheck.class);

    private final SlackClients clients;

    public ChannelCheck(SlackClients clients) {
        this.clients = clients;
    }

    /** Slack's error code for why the bot cannot post there ("not_in_channel", "is_archived" …), or empty. */
    public Optional<String> problem(OrgId org, String channel) {
        try {
            var info = clients.run(org, "conversations.info", c -> c.conversationsInfo(r -> r.channel(channel))).getChannel();
            if (info == null || info.isMember()) return Optional.empty();
            if (info.isArchived()) return Optional.of("is_archived");
            if (info.isPrivate()) return Optional.of("not_in_channel");
            clients.run(org, "conversations.join", c -> c.conversationsJoin(r -> r.channel(channel)));
            return Optional.empty();
        } catch (SendFailure f) {
            String error = SlackCall.error(f);
            if ("channel_not_found".equals(error)) return Optional.of(error);
            if (f.permanent() && !"missing_scope".equals(error)) return Optional.of("not_in_channel");
            LOG.info("Slack: could not check #{} in {} ({}); the choice stands", channel, org, f.getMessage());
            return Optional.empty();
        }
    }
}
