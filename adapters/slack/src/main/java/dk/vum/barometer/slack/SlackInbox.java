package dk.vum.barometer.slack;

import com.slack.api.methods.MethodsClient;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.PerUserQueue;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.home.HomeMessages;
import dk.vum.barometer.core.outbox.SendFailure;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.slack.api.DirectChannels;
import dk.vum.barometer.slack.api.SlackCall;
import dk.vum.barometer.slack.api.UserNames;
import dk.vum.barometer.slack.blockkit.FormStash;
import dk.vum.barometer.slack.blockkit.Modals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * The work that follows an acknowledged Slack request: who the user is, whether the conversation is their
 * direct one with the bot, the core's answer and showing it. Runs on a small pool after the ack, so Slack
 * always hears back within its three seconds. One user's events are handled and shown one at a time and in
 * the order they came, so a slow reply can never overtake a later one.
 */
final class SlackInbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInbox.class);

    private final ChatBot bot;
    private final HomeMessages home;
    private final OrganisationStore organisations;
    private final Directory directory;
    private final DirectChannels directs;
    private final UserNames names;
    private final SlackReplies replies;
    private final FormStash forms;
    private final MethodsClient client;
    private final PerUserQueue queue;

    SlackInbox(ChatBot bot, HomeMessages home, OrganisationStore organisations, DirectChannels directs, UserNames names,
               SlackReplies replies, FormStash forms, MethodsClient client, int threads) {
        this.bot = bot;
        this.home = home;
        this.organisations = organisations;
        this.directory = new Directory(organisations, SlackText.CHANNELS);
        this.directs = directs;
        this.names = names;
        this.replies = replies;
        this.forms = forms;
        this.client = client;
        this.queue = new PerUserQueue("slack-inbox", threads);
    }

    /** Something a user did, to be handled after the ack. */
    @FunctionalInterface
    interface Work {
        void run() throws SendFailure;
    }

    void later(OrgId org, String userId, Work work) {
        queue.submit(org, userId, () -> {
            try {
                work.run();
            } catch (SendFailure e) {
                LOG.warn("A Slack event in {} could not be handled: {}", org, e.toString());
            }
        });
    }

    /** The address of a user in a conversation; the name comes from users.info. */
    Address address(OrgId org, String channel, boolean direct, String userId) {
        return new Address(org, channel, direct, userId, names.name(userId));
    }

    /**
     * Display names of people a command or form names (respondents to register, roles to grant), so the
     * bot's answers and lists show names rather than Slack ids.
     */
    void learnNames(OrgId org, Collection<String> texts) {
        List<String> unknown = texts.stream().flatMap(t -> SlackText.userIds(t).stream()).distinct()
                .filter(id -> organisations.user(org, id).map(u -> u.displayName() == null).orElse(true)).toList();
        if (unknown.isEmpty()) return;
        organisations.ensureOrganisation(org, org.value());
        for (String id : unknown) {
            String name = names.name(id);
            if (name != null) organisations.upsertUser(org, id, name);
        }
    }

    boolean isDirect(OrgId org, String userId, String channel) throws SendFailure {
        return directs.isDirect(org, userId, channel);
    }

    String directChannel(OrgId org, String userId) throws SendFailure {
        return directs.channelOf(org, userId);
    }

    void handle(Inbound event, ReplyTarget target) {
        List<Message> answer = bot.handle(event);
        Address a = event.address();
        replies.show(event, target, answer, directory.language(a.org(), a.userId()));
    }

    /** A click on a form's button: the stashed form opens as a modal. */
    void openForm(OrgId org, String formRef, String trigger, String channel) {
        forms.form(org, formRef).ifPresent(form -> replies.openForm(trigger, form, channel));
    }

    /** The App Home tab, built by the core for this person. */
    void publishHome(OrgId org, String userId) throws SendFailure {
        var view = Modals.home(home.home(org, userId));
        SlackCall.run("views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(view)));
    }

    @Override
    public void close() {
        queue.close();
    }
}
