package dk.vum.barometer.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.OutboxStore;
import dk.vum.barometer.slack.api.ConversationPoster;
import dk.vum.barometer.slack.api.SlackCall;
import dk.vum.barometer.slack.blockkit.BlockKit;
import dk.vum.barometer.slack.blockkit.FormStash;
import dk.vum.barometer.slack.blockkit.Modals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Shows the core's replies to one event the way Slack users expect: in the bot's direct conversation as
 * messages (updated in place by replace key), elsewhere ephemeral to the one who asked, and a form as a
 * modal when the event brought a trigger to open one. A reply that cannot be shown now is queued in the
 * outbox for the person's direct conversation, so nothing is lost; a questionnaire reply is queued as its
 * key only, and shown as it is by then when Slack takes it ({@link Outbox}).
 */
final class SlackReplies {

    private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);

    private final Slack slack;
    private final MethodsClient client;
    private final ConversationPoster poster;
    private final FormStash forms;
    private final OutboxStore outbox;

    SlackReplies(Slack slack, MethodsClient client, ConversationPoster poster, FormStash forms, OutboxStore outbox) {
        this.slack = slack;
        this.client = client;
        this.poster = poster;
        this.forms = forms;
        this.outbox = outbox;
    }

    void show(Inbound event, ReplyTarget target, List<Message> replies, Language lang) {
        OrgId org = event.address().org();
        String trigger = target.triggerId();
        if (target.asModal() && trigger != null) {
            View modal = Modals.command(Message.of(replies.stream().flatMap(m -> m.blocks().stream()).toArray(Block[]::new)),
                    t(lang, "slack.command.title"), t(lang, "slack.command.label"), t(lang, "slack.command.submit"),
                    new ModalContext(Modals.COMMAND_CALLBACK, target.channel(), Map.of()).toJson());
            if (openModal(trigger, modal)) return;
        }
        for (int i = 0; i < replies.size(); i++) {
            Message message = replies.get(i);
            Optional<Block.Form> form = modalForm(message);
            // The modal is the reply: the hints beside the form (how to type instead) would only replace
            // the question the person still sees behind the modal.
            if (form.isPresent() && trigger != null && openForm(trigger, form.get(), target.channel())) {
                trigger = null;
                continue;
            }
            try {
                deliver(org, event.address().userId(), target, message);
            } catch (SendFailure | RuntimeException e) {
                LOG.warn("Could not show a reply in Slack ({}); it is queued for the direct conversation", e.getMessage());
                // A delivery id names the person and the time of the click: not kept beside a questionnaire.
                String dedupeKey = Outbox.isQuestionnaire(message) ? null : "slack-reply:" + event.deliveryId() + ":" + i;
                outbox.enqueue(List.of(Outbox.message(org, new Destination.Direct(event.address().userId()), message,
                        dedupeKey)));
            }
        }
    }

    /** Opens a stashed or given form as a modal; false if Slack refused (an expired trigger, say). */
    boolean openForm(String trigger, Block.Form form, String channel) {
        return openModal(trigger, Modals.form(form, new ModalContext(form.formId(), channel, form.hidden()).toJson()));
    }

    private boolean openModal(String trigger, View view) {
        try {
            SlackCall.run("views.open", () -> client.viewsOpen(r -> r.triggerId(trigger).view(view)));
            return true;
        } catch (SendFailure e) {
            LOG.warn("Could not open a modal: {}", e.getMessage());
            return false;
        }
    }

    private void deliver(OrgId org, String user, ReplyTarget target, Message message) throws SendFailure {
        if (target.direct()) {
            poster.post(org, target.channel(), message);
            return;
        }
        forms.keepForms(org, message);
        List<LayoutBlock> blocks = BlockKit.blocks(message);
        if (blocks.size() > BlockKit.MAX_BLOCKS) blocks = blocks.subList(0, BlockKit.MAX_BLOCKS);
        String text = BlockKit.fallbackText(message);
        if (target.responseUrl() != null) {
            respond(target.responseUrl(), blocks, text);
        } else {
            List<LayoutBlock> chosen = blocks;
            SlackCall.run("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(target.channel()).user(user)
                    .blocks(chosen).text(text)));
        }
    }

    private void respond(String responseUrl, List<LayoutBlock> blocks, String text) throws SendFailure {
        try {
            WebhookResponse response = new Responder(slack, responseUrl).send(ActionResponse.builder()
                    .responseType("ephemeral").replaceOriginal(false).blocks(blocks).text(text).build());
            if (response.getCode() == 429) throw SendFailure.rateLimited(java.time.Duration.ofSeconds(1));
            if (response.getCode() != 200) throw SendFailure.transientFailure("response_url: HTTP " + response.getCode());
        } catch (IOException e) {
            throw SendFailure.transientFailure("response_url: " + e.getMessage());
        }
    }

    /**
     * The form of a message that is a form and nothing else but hints: that one opens as a modal. A form
     * inside a longer message (the review's "edit an answer") stays a button in the message.
     */
    private static Optional<Block.Form> modalForm(Message message) {
        List<Block.Form> forms = message.blocks().stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast).toList();
        boolean onlyHints = message.blocks().stream().allMatch(b -> b instanceof Block.Form || b instanceof Block.Context);
        return forms.size() == 1 && onlyHints ? Optional.of(forms.get(0)) : Optional.empty();
    }
}
