package dk.vum.barometer.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.i18n.Texts;
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
 * Acts on one accepted activity, after Teams got its 200: remembers how to reach the sender, the teams the
 * app is in (names, channels, members) and who left them, welcomes a team the app was added to, hands a
 * message to the bot and writes the bot's replies into the conversation, retrying what Teams throttles.
 */
final class ActivityProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityProcessor.class);

    private final ChatBot bot;
    private final OrganisationStore organisations;
    private final TeamsState state;
    private final TeamRoster roster;
    private final ConversationWriter writer;
    private final Retry retry;

    ActivityProcessor(ChatBot bot, OrganisationStore organisations, TeamsState state, TeamRoster roster,
                      ConversationWriter writer, Retry retry) {
        this.bot = bot;
        this.organisations = organisations;
        this.state = state;
        this.roster = roster;
        this.writer = writer;
        this.retry = retry;
    }

    /** @param translation what the activity means to the core, already checked; empty for none */
    void process(Activity activity, Context context, Optional<ActivityTranslator.Translation> translation) {
        handle(activity, context, translation, false);
    }

    /**
     * A Universal Action pressed by a member: the bot's first reply is returned, to answer the invoke with a
     * card for that member alone; any further replies are written into the conversation.
     */
    Optional<Message> answer(Activity activity, Context context, Optional<ActivityTranslator.Translation> translation) {
        return handle(activity, context, translation, true);
    }

    private Optional<Message> handle(Activity activity, Context context, Optional<ActivityTranslator.Translation> translation,
                                     boolean answerFirst) {
        Optional<Message> answer = Optional.empty();
        try {
            boolean newTeam = remember(activity, context);
            Target target = new Target(context.serviceUrl(), context.tenantId(), context.replyConversationId());
            if (newTeam) retry.run(() -> writer.write(context.org(), target, context.conversationId(), welcome(), null));
            if (translation.isEmpty()) return answer;
            reachMentioned(context, translation.get().mentioned());
            List<Message> replies = bot.handle(translation.get().event());
            if (answerFirst && !replies.isEmpty()) {
                answer = Optional.of(replies.get(0));
                replies = replies.subList(1, replies.size());
            }
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
        return answer;
    }

    /** The card that answers a member's Universal Action. */
    ObjectNode card(OrgId org, Message message) {
        return writer.invokeCard(org, message);
    }

    /**
     * Conversation references: on installation, on members added to or removed from a team, and on any
     * message. Returns whether the app was just added to a team it was not in.
     */
    private boolean remember(Activity activity, Context context) {
        OrgId org = context.org();
        organisations.ensureOrganisation(org, org.value());
        state.saveService(org, context.serviceUrl(), context.botId());
        boolean removal = ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())
                && activity.getAction() != null && activity.getAction().startsWith("remove");
        if (context.personal()) {
            Optional<UserRef> known = state.user(org, context.userId());
            if (removal) {
                known.ifPresent(ref -> state.updateUser(org, context.userId(), ref.withoutPersonal()));
            } else {
                UserRef ref = known.map(r -> r.withPersonal(context.serviceUrl(), context.botId(), context.replyConversationId()))
                        .orElse(UserRef.personal(context.serviceUrl(), context.botId(), context.replyConversationId()));
                if (!known.equals(Optional.of(ref))) state.saveUser(org, context.userId(), ref);
            }
            return false;
        }
        String teamId = context.teamId();
        if (teamId == null) return false;
        if (removal || botIn(activity.getMembersRemoved(), context) || "teamDeleted".equals(context.eventType())) {
            roster.uninstalled(org, teamId);
            return false;
        }
        if (ActivityTranslator.installed(activity) || botIn(activity.getMembersAdded(), context)) {
            boolean newTeam = state.team(org, teamId).isEmpty();
            try {
                roster.installed(org, service(context), teamId, context.teamName());
            } catch (ConnectorFailure e) {
                LOG.warn("Could not read team {} in Teams ({}): {}", teamId, org, e.getMessage());
            }
            return newTeam;
        }
        try {
            if (context.teamName() != null) renamed(org, teamId, context.teamName());
            if (activity.getMembersRemoved() != null) {
                roster.membersRemoved(org, teamId, activity.getMembersRemoved().stream().map(ChannelAccount::getId).toList());
            }
            if (activity.getMembersAdded() != null && !activity.getMembersAdded().isEmpty()) {
                roster.membersAdded(org, service(context), teamId);
            }
            channel(activity, context);
            if (!context.userId().equals(context.botId()) && ActivityTypes.MESSAGE.equals(activity.getType())) {
                UserRef ref = state.user(org, context.userId()).map(r -> r.withTeam(teamId))
                        .orElse(UserRef.teamMember(context.serviceUrl(), context.botId(), teamId));
                state.saveUser(org, context.userId(), ref);
            }
        } catch (ConnectorFailure e) {
            LOG.warn("Could not read team {} in Teams ({}): {}", teamId, org, e.getMessage());
        }
        return false;
    }

    /** A renamed team: its General channel carries its name. */
    private void renamed(OrgId org, String teamId, String name) {
        state.team(org, teamId).ifPresent(team -> {
            if (name.equals(team.name())) return;
            if (team.name() == null || team.name().equals(state.channels(org).get(teamId))) state.saveChannel(org, teamId, name);
            state.saveTeam(org, teamId, team.withName(name));
        });
    }

    /** Keeps a channel's name from the activity; a channel the bot has no name for is looked up in the team. */
    private void channel(Activity activity, Context context) throws ConnectorFailure {
        TeamsChannelData data = activity.teamsGetChannelData();
        if (data == null || data.getChannel() == null || data.getChannel().getId() == null) return;
        String channelId = data.getChannel().getId();
        if ("channelDeleted".equals(context.eventType())) {
            state.forgetChannels(context.org(), List.of(channelId));
        } else if (context.channelName() != null) {
            state.saveChannel(context.org(), channelId, context.channelName());
        } else if (!state.channels(context.org()).containsKey(channelId)) {
            roster.readChannels(context.org(), service(context), context.teamId());
        }
    }

    /** Mentioned people the bot cannot reach yet may be members of a team the app is in. */
    private void reachMentioned(Context context, List<ActivityTranslator.Person> mentioned) {
        for (ActivityTranslator.Person p : mentioned) {
            if (p.name() != null && !p.name().isBlank()) organisations.upsertUser(context.org(), p.id(), p.name());
        }
        List<String> unknown = mentioned.stream().map(ActivityTranslator.Person::id)
                .filter(id -> state.user(context.org(), id).isEmpty()).toList();
        if (unknown.isEmpty()) return;
        try {
            roster.findUnreachable(context.org(), service(context), unknown);
        } catch (ConnectorFailure e) {
            LOG.warn("Could not read the team rosters in Teams ({}): {}", context.org(), e.getMessage());
        }
    }

    private static boolean botIn(List<ChannelAccount> members, Context context) {
        return members != null && members.stream().anyMatch(m -> context.botId().equals(m.getId()));
    }

    private static TeamRoster.Service service(Context context) {
        return new TeamRoster.Service(context.serviceUrl(), context.tenantId(), context.botId());
    }

    /** What a team sees when the app is added: what the bot does and how to start, not every command. */
    private static Message welcome() {
        Language da = Language.DA;
        return Message.of(new Block.Heading(Texts.t(da, "teams.welcome.title")),
                new Block.Paragraph(Texts.t(da, "teams.welcome.what")),
                new Block.Paragraph(Texts.t(da, "teams.welcome.start")));
    }
}
