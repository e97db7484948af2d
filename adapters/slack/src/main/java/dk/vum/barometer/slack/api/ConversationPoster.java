package dk.vum.barometer.slack.api;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.AdapterStateStore;
import dk.vum.barometer.slack.blockkit.BlockKit;
import dk.vum.barometer.slack.blockkit.FormStash;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Posts a neutral message as the bot in a Slack conversation: chat.postMessage, or chat.update when the
 * message has a replace key whose earlier message is known, so a questionnaire advances in one message
 * instead of filling the conversation. The ts of each replaceable message is kept in the adapter state.
 * Its charts and files follow the text as uploads into the same conversation ({@link FileUploads}).
 */
public final class ConversationPoster {

    static final String TS_NAMESPACE = "slack.ts";
    /** An update that cannot be applied: the message is posted anew instead. */
    private static final Set<String> GONE = Set.of("message_not_found", "cant_update_message", "edit_window_closed");

    private final MethodsClient client;
    private final AdapterStateStore state;
    private final FormStash forms;
    private final Pacer perChannel;
    private final FileUploads uploads;

    public ConversationPoster(MethodsClient client, AdapterStateStore state, FormStash forms, Pacer perChannel,
                              FileUploads uploads) {
        this.client = client;
        this.state = state;
        this.forms = forms;
        this.perChannel = perChannel;
        this.uploads = uploads;
    }

    public void post(OrgId org, String channel, Message message) throws SendFailure {
        forms.keepForms(org, message);
        List<List<LayoutBlock>> parts = BlockKit.messages(message);
        String text = BlockKit.fallbackText(message);
        String key = message.replaceKey() == null ? null : channel + "|" + message.replaceKey();
        Optional<String> earlier = key == null || message.repost() ? Optional.empty() : state.state(org, TS_NAMESPACE, key);
        boolean updated = earlier.isPresent() && update(channel, earlier.get(), parts.get(0), text);
        if (!updated) {
            String ts = postMessage(channel, parts.get(0), text).getTs();
            if (key != null && ts != null) state.putState(org, TS_NAMESPACE, key, ts);
        }
        // A message longer than 50 blocks continues in further messages; only its first part is replaced later.
        for (List<LayoutBlock> part : parts.subList(1, parts.size())) postMessage(channel, part, " ");
        uploads.upload(channel, message);
    }

    private boolean update(String channel, String ts, List<LayoutBlock> blocks, String text) throws SendFailure {
        perChannel.await(channel);
        try {
            SlackCall.run("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).blocks(blocks).text(text)));
            return true;
        } catch (SendFailure f) {
            if (f.permanent() && GONE.stream().anyMatch(e -> f.getMessage().endsWith(": " + e))) return false;
            throw f;
        }
    }

    private ChatPostMessageResponse postMessage(String channel, List<LayoutBlock> blocks, String text) throws SendFailure {
        perChannel.await(channel);
        return SlackCall.run("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).blocks(blocks).text(text)));
    }
}
