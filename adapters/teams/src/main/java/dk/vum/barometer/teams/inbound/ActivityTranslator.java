package dk.vum.barometer.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.teams.card.CardData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Bot Framework activity from Teams into the core's terms: the organisation is the tenant, the
 * conversation a personal chat or a team channel, typed text with the bot's @mention removed and other
 * people's @mentions written as the core's {@code @id} (channels as {@code #id}), card submits as button
 * presses or form inputs. The delivery id is the conversation and activity id, so Teams' redelivery of an
 * activity is processed once.
 */
public final class ActivityTranslator {

    static final int MAX_VALUE_ENTRIES = 50;
    static final int MAX_VALUE_LENGTH = 4000;
    /** What a new installation is answered with: the help, in the installer's role. */
    static final String WELCOME = "hjælp";
    static final String UNIVERSAL_ACTION = "adaptiveCard/action";

    private ActivityTranslator() {
    }

    /** Who and where, checked: every activity the bot acts on has these. */
    public record Context(OrgId org, String tenantId, String serviceUrl, String conversationId,
                          String replyConversationId, boolean personal, String channelName, String userId,
                          String userName, String botId, String teamId, String teamName, String eventType) {
    }

    /** A person the activity mentions, to remember their name. */
    public record Person(String id, String name) {
    }

    public record Translation(Inbound event, List<Person> mentioned) {
    }

    public static Context context(Activity activity) throws MalformedActivity {
        if (activity.getType() == null) throw new MalformedActivity("no type");
        // Organisations are Teams tenants: other Bot Framework channels have no place here.
        if (!"msteams".equals(activity.getChannelId())) throw new MalformedActivity("not a Microsoft Teams activity");
        require(activity.getServiceUrl(), "serviceUrl");
        ConversationAccount conversation = activity.getConversation();
        if (conversation == null) throw new MalformedActivity("no conversation");
        require(conversation.getId(), "conversation.id");
        ChannelAccount from = activity.getFrom();
        if (from == null) throw new MalformedActivity("no from");
        require(from.getId(), "from.id");
        ChannelAccount recipient = activity.getRecipient();
        if (recipient == null) throw new MalformedActivity("no recipient");
        TeamsChannelData data = channelData(activity);
        String tenantId = data != null && data.getTenant() != null && data.getTenant().getId() != null
                ? data.getTenant().getId() : conversation.getTenantId();
        require(tenantId, "channelData.tenant.id");
        String channelId = data != null && data.getChannel() != null ? data.getChannel().getId() : null;
        String channelName = data != null && data.getChannel() != null ? data.getChannel().getName() : null;
        boolean personal = "personal".equals(conversation.getConversationType());
        String teamId = data != null && data.getTeam() != null ? blankToNull(data.getTeam().getId()) : null;
        String teamName = data != null && data.getTeam() != null ? blankToNull(data.getTeam().getName()) : null;
        String eventType = data != null ? data.getEventType() : null;
        // In a channel, replies go into the thread (conversation id with ;messageid=), state keys to the channel.
        String conversationId = channelId != null ? channelId : stripThread(conversation.getId());
        return new Context(OrgId.of(Platform.TEAMS, tenantId), tenantId, activity.getServiceUrl(), conversationId,
                conversation.getId(), personal, channelName, from.getId(), from.getName(), recipient.getId(),
                teamId, teamName, eventType);
    }

    /**
     * The core event of a message activity, or empty for one that carries nothing to act on. When the app is
     * installed in someone's personal scope, they are greeted with the help for their role, as if they had
     * asked for it (a team gets a welcome from the adapter instead).
     */
    public static Optional<Translation> translate(Activity activity, Context context) throws MalformedActivity {
        Address address = new Address(context.org(), context.conversationId(), context.personal(), context.userId(),
                context.userName());
        if (installed(activity) && !context.personal()) return Optional.empty();
        if (installed(activity)) {
            require(activity.getId(), "id");
            String deliveryId = context.replyConversationId() + "|" + activity.getId();
            return Optional.of(new Translation(new Inbound.TextInput(address, deliveryId, WELCOME), List.of()));
        }
        if (universalAction(activity)) {
            require(activity.getId(), "id");
            JsonNode value = Serialization.objectToTree(activity.getValue());
            if (value == null || !value.path("action").path("data").isObject()) throw new MalformedActivity("action without data");
            // A refresh asks for the card as this person should see it; the bot's cards are the same for all.
            if ("refresh".equals(value.path("action").path("verb").asText())) return Optional.empty();
            String deliveryId = context.replyConversationId() + "|" + activity.getId();
            return Optional.of(new Translation(submit(address, deliveryId, value.path("action").path("data")), List.of()));
        }
        if (!ActivityTypes.MESSAGE.equals(activity.getType())) return Optional.empty();
        require(activity.getId(), "id");
        String deliveryId = context.replyConversationId() + "|" + activity.getId();
        Object value = activity.getValue();
        if (value != null) return Optional.of(new Translation(submit(address, deliveryId, value), List.of()));
        if (activity.getText() == null) return Optional.empty();
        List<Person> mentioned = new ArrayList<>();
        String text = mentionsAsIds(activity, context.botId(), mentioned);
        return Optional.of(new Translation(new Inbound.TextInput(address, deliveryId, text), mentioned));
    }

    /**
     * The app was added (installationUpdate "add"). Teams also sends a conversationUpdate with the bot among
     * the members added; that one only stores references, so the installer is greeted once.
     */
    public static boolean installed(Activity activity) {
        return ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())
                && (activity.getAction() == null || activity.getAction().startsWith("add"));
    }

    /** A Universal Action (Action.Execute) pressed on a card: an invoke that is answered in its HTTP response. */
    public static boolean universalAction(Activity activity) {
        return ActivityTypes.INVOKE.equals(activity.getType()) && UNIVERSAL_ACTION.equals(activity.getName());
    }

    private static Inbound submit(Address address, String deliveryId, Object value) throws MalformedActivity {
        JsonNode data = Serialization.objectToTree(value);
        if (data == null || !data.isObject()) throw new MalformedActivity("value is not an object");
        String kind = data.path(CardData.KIND).asText("");
        if (kind.equals(CardData.BUTTON)) {
            String action = text(data, CardData.ACTION);
            if (action == null) throw new MalformedActivity("button without action");
            return new Inbound.ButtonInput(address, deliveryId, action, text(data, CardData.VALUE));
        }
        if (kind.equals(CardData.FORM)) {
            String formId = text(data, CardData.FORM_ID);
            if (formId == null) throw new MalformedActivity("form without formId");
            Map<String, String> values = new HashMap<>();
            JsonNode hidden = data.path(CardData.HIDDEN);
            for (Map.Entry<String, JsonNode> e : hidden.properties()) {
                if (e.getValue().isValueNode()) values.put(e.getKey(), e.getValue().asText());
            }
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                if (e.getKey().startsWith(CardData.INPUT_PREFIX) && e.getValue().isValueNode()) {
                    values.put(e.getKey().substring(CardData.INPUT_PREFIX.length()), e.getValue().asText());
                }
            }
            if (values.size() > MAX_VALUE_ENTRIES || values.values().stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
                throw new MalformedActivity("form too large");
            }
            return new Inbound.FormInput(address, deliveryId, formId, values);
        }
        throw new MalformedActivity("unknown card data");
    }

    /**
     * The text with the bot's mention removed and everyone else's written as {@code @id}: Teams puts
     * {@code <at>Name</at>} in the text and the id in a mention entity.
     */
    private static String mentionsAsIds(Activity activity, String botId, List<Person> mentioned) {
        String text = activity.getText();
        for (Mention mention : mentions(activity)) {
            ChannelAccount who = mention.getMentioned();
            String markup = mention.getText();
            if (who == null || who.getId() == null || markup == null) continue;
            String replacement;
            if (who.getId().equals(botId)) {
                replacement = " ";
            } else if (who.getId().startsWith("19:")) {
                replacement = " #" + who.getId() + " ";
            } else {
                replacement = " @" + who.getId() + " ";
                mentioned.add(new Person(who.getId(), who.getName()));
            }
            text = text.replace(markup, replacement);
        }
        // Any <at> left names nobody the bot knows; Teams also sends non-breaking spaces around mentions.
        text = text.replaceAll("<at>[^<]*</at>", " ").replace("&nbsp;", " ").replace('\u00A0', ' ');
        return text.strip().replaceAll("[ \\t]{2,}", " ");
    }

    private static List<Mention> mentions(Activity activity) {
        try {
            return activity.getEntities() == null ? List.of() : activity.getMentions();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static TeamsChannelData channelData(Activity activity) throws MalformedActivity {
        if (activity.getChannelData() == null) return null;
        try {
            return activity.getChannelData(TeamsChannelData.class);
        } catch (Exception e) {
            throw new MalformedActivity("unreadable channelData");
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String stripThread(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    private static void require(String value, String name) throws MalformedActivity {
        if (value == null || value.isBlank()) throw new MalformedActivity("no " + name);
        if (value.length() > 1000) throw new MalformedActivity(name + " too long");
    }
}
