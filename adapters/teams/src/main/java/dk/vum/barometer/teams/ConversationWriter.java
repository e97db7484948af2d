package dk.vum.barometer.teams;

import com.microsoft.bot.schema.Activity;
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

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes neutral messages into a Teams conversation as Adaptive Cards. A message with a replace key
 * updates the activity sent earlier under that key in the same conversation, so a questionnaire advances
 * in one card; the first one is sent and its id remembered, as is a reposted one (sent anew at the end).
 */
final class ConversationWriter {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /** People offered by a form's picker; more would crowd the card (the command reaches anyone). */
    private static final int MAX_PEOPLE = 150;
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
        Activity activity = activity(org, message);
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
        connector.postToChannel(channel, activity(org, message));
    }

    private Activity activity(OrgId org, Message message) {
        Activity activity = Activity.createMessageActivity();
        Attachment card = new Attachment();
        card.setContentType(CARD_TYPE);
        card.setContent(AdaptiveCardRenderer.render(message, pickers(org, message)));
        activity.setAttachments(List.of(card));
        String plain = message.plainText();
        activity.setSummary(plain.length() > MAX_SUMMARY ? plain.substring(0, MAX_SUMMARY - 1) + "…" : plain);
        return activity;
    }

    /** The channels the bot knows (their names are shown for their ids); for forms also the people it can reach. */
    private Pickers pickers(OrgId org, Message message) {
        List<Pickers.Choice> channels = state.channels(org).entrySet().stream()
                .map(e -> new Pickers.Choice(e.getKey(), e.getValue())).toList();
        boolean form = message.blocks().stream().anyMatch(b -> b instanceof Block.Form);
        if (!form) return new Pickers(List.of(), channels);
        List<Pickers.Choice> people = organisations.users(org).stream()
                .filter(u -> state.user(org, u.userId()).isPresent())
                .map(u -> new Pickers.Choice(u.userId(), name(u)))
                .sorted(Comparator.comparing(Pickers.Choice::name, String.CASE_INSENSITIVE_ORDER))
                .limit(MAX_PEOPLE).toList();
        return new Pickers(people, channels);
    }

    private static String name(UserProfile u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.userId() : u.displayName();
    }
}
