package dk.vum.barometer.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.teams.connector.ConnectorFailure;
import dk.vum.barometer.teams.connector.Target;
import dk.vum.barometer.teams.inbound.ActivityTranslator;
import dk.vum.barometer.teams.inbound.ActivityTranslator.Context;
import dk.vum.barometer.teams.state.TeamsState;
import dk.vum.barometer.teams.state.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Acts on one accepted activity, after Teams got its 200: remembers how to reach the sender (and the
 * channel, and team members added), hands a message to the bot and writes the bot's replies into the
 * conversation, retrying what Teams throttles.
 */
final class ActivityProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityProcessor.class);

    private final ChatBot bot;
    private final OrganisationStore organisations;
    private final TeamsState state;
    private final ConversationWriter writer;
    private final Retry retry;

    ActivityProcessor(ChatBot bot, OrganisationStore organisations, TeamsState state, ConversationWriter writer, Retry retry) {
        this.bot = bot;
        this.organisations = organisations;
        this.state = state;
        this.writer = writer;
        this.retry = retry;
    }

    /** @param translation what the activity means to the core, already checked; empty for none */
    void process(Activity activity, Context context, Optional<ActivityTranslator.Translation> translation) {
        try {
            remember(activity, context);
            if (translation.isEmpty()) return;
            for (ActivityTranslator.Person p : translation.get().mentioned()) {
                if (p.name() != null && !p.name().isBlank()) organisations.upsertUser(context.org(), p.id(), p.name());
            }
            List<Message> replies = bot.handle(translation.get().event());
            Target target = new Target(context.serviceUrl(), context.tenantId(), context.replyConversationId());
            // Messages are answered as replies (threaded in a channel); an installation with a new message.
            String replyToId = ActivityTypes.MESSAGE.equals(activity.getType()) ? activity.getId() : null;
            for (Message reply : replies) {
                retry.run(() -> writer.write(context.org(), target, context.conversationId(), reply, replyToId));
            }
        } catch (ConnectorFailure e) {
            LOG.warn("Could not reply in Teams ({}): {}", context.org(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Failed to process a {} activity in {}", activity.getType(), context.org(), e);
        }
    }

    /** Conversation references: on installation, on members added to a team, and on any message. */
    private void remember(Activity activity, Context context) {
        OrgId org = context.org();
        organisations.ensureOrganisation(org, org.value());
        state.saveService(org, context.serviceUrl(), context.botId());
        boolean removal = ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())
                && activity.getAction() != null && activity.getAction().startsWith("remove");
        if (context.personal()) {
            if (removal) state.forgetUser(org, context.userId());
            else state.saveUser(org, context.userId(), new UserRef(context.serviceUrl(), context.botId(), context.replyConversationId()));
            return;
        }
        if (removal) return;
        channelName(activity, context).ifPresent(name -> state.saveChannel(org, context.conversationId(), name));
        if (!context.userId().equals(context.botId())) reachableInTeam(org, context, context.userId());
        if (activity.getMembersAdded() != null) {
            for (ChannelAccount member : activity.getMembersAdded()) {
                if (member.getId() != null && !member.getId().equals(context.botId())) reachableInTeam(org, context, member.getId());
            }
        }
    }

    /** A member of a team the app is in can be written to directly, once the one-to-one chat is created. */
    private void reachableInTeam(OrgId org, Context context, String userId) {
        if (state.user(org, userId).isEmpty()) state.saveUser(org, userId, new UserRef(context.serviceUrl(), context.botId(), null));
    }

    private static Optional<String> channelName(Activity activity, Context context) {
        if (context.channelName() != null) return Optional.of(context.channelName());
        TeamsChannelData data = activity.teamsGetChannelData();
        if (data == null || data.getChannel() == null) return Optional.empty();
        // The General channel comes without a name; it carries the team's id.
        String team = data.getTeam() != null && data.getTeam().getName() != null ? data.getTeam().getName() : "Team";
        return Optional.of(team + " – General");
    }
}
