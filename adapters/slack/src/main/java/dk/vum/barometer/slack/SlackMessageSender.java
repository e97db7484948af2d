package dk.vum.barometer.slack;

import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.outbox.MessageSender;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.slack.api.ConversationPoster;
import dk.vum.barometer.slack.api.DirectChannels;

/**
 * Proactive messages for Slack organisations (invitations, reminders, posted summaries): a direct message
 * goes to the bot's conversation with the user (conversations.open), a channel message to the channel id.
 */
public final class SlackMessageSender implements MessageSender {

    private final DirectChannels directs;
    private final ConversationPoster poster;

    SlackMessageSender(DirectChannels directs, ConversationPoster poster) {
        this.directs = directs;
        this.poster = poster;
    }

    @Override
    public void send(OrgId org, Destination destination, Message message) throws SendFailure {
        if (org.platform() != Platform.SLACK) throw SendFailure.permanent("not a Slack organisation: " + org);
        String channel = destination instanceof Destination.Direct d ? directs.channelOf(org, d.id()) : destination.id();
        poster.post(org, channel, message);
    }
}
