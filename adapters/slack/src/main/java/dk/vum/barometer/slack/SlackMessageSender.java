package dk.vum.barometer.slack;

import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.slack.api.ConversationPoster;
import dk.vum.barometer.slack.api.DirectChannels;
import dk.vum.barometer.slack.api.Lru;
import dk.vum.barometer.slack.api.SlackCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Proactive messages for Slack organisations (invitations, reminders, posted summaries): a direct message
 * goes to the bot's conversation with the user (conversations.open), a channel message to the channel id.
 * A channel that refuses the bot for good is not silent: the person who asked for the post is told why
 * and how to fix it ({@code /invite @Barometer}).
 */
public final class SlackMessageSender implements MessageSender {

    /** A channel the bot cannot post in until someone does something about it. */
    static final Set<String> CHANNEL_REFUSED = Set.of("not_in_channel", "channel_not_found", "is_archived");
    private static final Logger LOG = LoggerFactory.getLogger(SlackMessageSender.class);

    private final DirectChannels directs;
    private final ConversationPoster poster;
    private final Directory directory;
    /** Who was told about which channel: a summary in several messages fails several times but is explained once. */
    private final Map<String, Boolean> told = Collections.synchronizedMap(Lru.map(1_000));

    SlackMessageSender(DirectChannels directs, ConversationPoster poster, Directory directory) {
        this.directs = directs;
        this.poster = poster;
        this.directory = directory;
    }

    @Override
    public void send(OrgId org, Destination destination, Message message) throws SendFailure {
        if (org.platform() != Platform.SLACK) throw SendFailure.permanent("not a Slack organisation: " + org);
        if (destination instanceof Destination.Direct d) {
            poster.post(org, directs.channelOf(org, d.id()), message);
            return;
        }
        try {
            poster.post(org, destination.id(), message);
        } catch (SendFailure f) {
            String error = SlackCall.error(f);
            if (f.permanent() && CHANNEL_REFUSED.contains(error) && destination instanceof Destination.Channel c && c.requestedBy() != null) {
                tell(org, c, error);
            }
            throw f;
        }
    }

    private void tell(OrgId org, Destination.Channel channel, String error) {
        if (told.put(org + "|" + channel.id() + "|" + channel.requestedBy(), Boolean.TRUE) != null) return;
        var lang = directory.language(org, channel.requestedBy());
        Message notice = Message.text(t(lang, "slack.channel.refused", "#" + channel.id(), t(lang, "slack.channel." + error)));
        try {
            poster.post(org, directs.channelOf(org, channel.requestedBy()), notice);
        } catch (SendFailure f) {
            LOG.warn("Could not tell {} in {} that #{} refused a post: {}", channel.requestedBy(), org, channel.id(), f.getMessage());
        }
    }
}
