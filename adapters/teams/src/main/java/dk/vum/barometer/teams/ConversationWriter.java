package dk.vum.barometer.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.Attachment;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.teams.card.AdaptiveCardRenderer;
import dk.vum.barometer.teams.card.Pickers;
import dk.vum.barometer.teams.connector.BotConnector;
import dk.vum.barometer.teams.connector.ConnectorFailure;
import dk.vum.barometer.teams.connector.Target;
import dk.vum.barometer.teams.state.TeamsState;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Writes neutral messages into a Teams conversation as Adaptive Cards, each activity within Teams' 28 KB. A message with a replace key
 * updates the activity sent earlier under that key in the same conversation, so a questionnaire advances
 * in one card; the first one is sent and its id remembered, as is a reposted one (sent anew at the end).
 */
final class ConversationWriter {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Teams refuses a message over 28 KB, counted over the whole activity; a margin for what the connector adds. */
    static final int MAX_ACTIVITY_BYTES = 27_000;
    private static final int MAX_SUMMARY = 200;

    private final BotConnector connector;
    private final TeamsState state;
    private final OrganisationStore organisations;

    ConversationWriter(BotConnector connector, TeamsState state, OrganisationStore organisations) {
        this.connector = connector;
        this.state = state;
        this.organisations = organisations;
    }

    /**
     * @param stateKey  the conversation the replace key belongs to (a channel, not its thread)
     * @param replyToId the activity this answers, or null for a new message
     */
    void write(OrgId org, Target target, String stateKey, Message message, String replyToId) throws ConnectorFailure {
        Activity activity = activity(org, message, shared(target.conversationId()));
        String key = message.replaceKey();
        Optional<String> earlier = key == null || message.repost() ? Optional.empty() : state.activityId(org, stateKey, key);
        if (earlier.isPresent()) {
            try {
                connector.update(target, earlier.get(), activity);
                return;
            } catch (ConnectorFailure f) {
                // The earlier card was deleted or is too old to edit: send a new one below.
                if (f.status() != 404 && f.status() != 400) throw f;
                activity.setId(null);
            }
        }
        String id = connector.send(target, activity, replyToId);
        if (key != null && id != null) state.saveActivityId(org, stateKey, key, id);
    }

    /**
     * A new post in a team channel. Posts are not replaced in place (the outbox port allows either):
     * each is its own thread, where the team can discuss it.
     */
    void post(OrgId org, Target channel, Message message) throws ConnectorFailure {
        connector.postToChannel(channel, activity(org, message, true));
    }

    /**
     * The card that answers a member's Universal Action in a shared conversation: shown to that member
     * alone in place of the card they pressed.
     */
    ObjectNode invokeCard(OrgId org, Message message) {
        return AdaptiveCardRenderer.render(message, pickers(org, message), MAX_ACTIVITY_BYTES - 200, true);
    }

    /** Team channels and group chats ("19:…") are shared; a personal chat ("a:…") is not. */
    static boolean shared(String conversationId) {
        return conversationId.startsWith("19:");
    }

    /** The message as an activity of at most {@link #MAX_ACTIVITY_BYTES}: the card gets what the rest leaves. */
    private Activity activity(OrgId org, Message message, boolean shared) {
        Activity activity = Activity.createMessageActivity();
        String plain = message.plainText();
        // The notification's text.
        activity.setSummary(plain.length() > MAX_SUMMARY ? plain.substring(0, MAX_SUMMARY - 1) + "…" : plain);
        Attachment card = new Attachment();
        card.setContentType(CARD_TYPE);
        card.setContent(JsonNodeFactory.instance.objectNode());
        activity.setAttachments(List.of(card));
        int rest = bytes(activity) - 2;
        card.setContent(AdaptiveCardRenderer.render(message, pickers(org, message), MAX_ACTIVITY_BYTES - rest, shared));
        return activity;
    }

    static int bytes(Activity activity) {
        try {
            return Serialization.toString(activity).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The channels the bot knows (their names are shown for their ids); for a form that asks for people
     * also the people it can reach, read in two queries whatever the organisation's size.
     */
    private Pickers pickers(OrgId org, Message message) {
        List<Pickers.Choice> channels = state.channels(org).entrySet().stream()
                .map(e -> new Pickers.Choice(e.getKey(), e.getValue())).toList();
        boolean asksForPeople = message.blocks().stream().anyMatch(b -> b instanceof Block.Form form
                && form.fields().stream().anyMatch(f -> f.type() == Block.FieldType.USERS));
        if (!asksForPeople) return new Pickers(List.of(), channels);
        Set<String> reachable = state.reachableUsers(org);
        List<Pickers.Choice> people = organisations.users(org).stream()
                .filter(u -> reachable.contains(u.userId()))
                .map(u -> new Pickers.Choice(u.userId(), name(u)))
                .sorted(Comparator.comparing(Pickers.Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Pickers(people, channels);
    }

    private static String name(UserProfile u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.userId() : u.displayName();
    }
}
