package dk.vum.barometer.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversations of the local chat: each user's direct conversation with the bot ({@code dm:<userId>},
 * readable by that user only) and the channels, which everyone can read: the configured ones, no others
 * (the bot never creates a channel by posting in it).
 */
final class Conversations {

    private static final String DIRECT_PREFIX = "dm:";
    static final String BOT_NAME = "Barometer";

    private final List<String> channels;

    Conversations(List<String> channels) {
        for (String channel : channels) {
            if (channel.isBlank() || isDirect(channel)) throw new IllegalArgumentException("bad channel id: " + channel);
        }
        this.channels = List.copyOf(channels);
    }

    static String directId(String userId) {
        return DIRECT_PREFIX + userId;
    }

    static boolean isDirect(String conversationId) {
        return conversationId.startsWith(DIRECT_PREFIX);
    }

    /** The user's direct conversation first, then the channels. */
    List<ApiJson.Conversation> visibleTo(String userId) {
        List<ApiJson.Conversation> list = new ArrayList<>();
        list.add(new ApiJson.Conversation(directId(userId), BOT_NAME, true));
        for (String channel : channels) list.add(new ApiJson.Conversation(channel, "#" + channel, false));
        return list;
    }

    /** Throws 403 for another user's direct conversation and 404 for a conversation that does not exist. */
    void checkAccess(String userId, String conversationId) {
        if (isDirect(conversationId)) {
            if (!conversationId.equals(directId(userId))) {
                throw ChatApiException.forbidden("Du kan kun se din egen direkte samtale med " + BOT_NAME + ".");
            }
        } else if (!channels.contains(conversationId)) {
            throw ChatApiException.notFound("unknown_conversation", "Kanalen findes ikke.");
        }
    }
}
