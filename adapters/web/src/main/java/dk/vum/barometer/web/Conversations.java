package dk.vum.barometer.web;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.TranscriptStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The conversations of the local chat: each user's direct conversation with the bot ({@code dm:<userId>},
 * readable by that user only) and the channels, which everyone can read. The channels are the configured
 * ones plus any the bot has posted in.
 */
final class Conversations {

    private static final String DIRECT_PREFIX = "dm:";
    static final String BOT_NAME = "Barometer";

    private final OrgId org;
    private final TranscriptStore transcripts;
    private final List<String> configuredChannels;

    Conversations(OrgId org, TranscriptStore transcripts, List<String> channels) {
        for (String channel : channels) {
            if (channel.isBlank() || isDirect(channel)) throw new IllegalArgumentException("bad channel id: " + channel);
        }
        this.org = org;
        this.transcripts = transcripts;
        this.configuredChannels = List.copyOf(channels);
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
        for (String channel : channels()) list.add(new ApiJson.Conversation(channel, "#" + channel, false));
        return list;
    }

    /** Throws 403 for another user's direct conversation and 404 for a conversation that does not exist. */
    void checkAccess(String userId, String conversationId) {
        if (isDirect(conversationId)) {
            if (!conversationId.equals(directId(userId))) {
                throw ChatApiException.forbidden("Du kan kun se din egen direkte samtale med " + BOT_NAME + ".");
            }
        } else if (!channels().contains(conversationId)) {
            throw ChatApiException.notFound("unknown_conversation", "Kanalen findes ikke.");
        }
    }

    private Set<String> channels() {
        Set<String> channels = new LinkedHashSet<>(configuredChannels);
        transcripts.conversations(org).stream().filter(id -> !isDirect(id)).sorted().forEach(channels::add);
        return channels;
    }
}
