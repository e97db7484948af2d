package dk.vum.barometer.core.chat;

import java.util.Objects;

/**
 * Where an inbound event came from: organisation, conversation and user. Conversation state is keyed by
 * organisation and user, and a questionnaire is only ever answered in the person's direct conversation,
 * so several people can talk to the bot in one channel without seeing or mixing each other's answers.
 *
 * @param conversationId the platform's conversation id (a DM or a channel)
 * @param direct         true for a one-to-one conversation with the bot
 * @param userName       display name as the platform gave it, or null
 */
public record Address(OrgId org, String conversationId, boolean direct, String userId, String userName) {

    public Address {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userId, "userId");
    }
}
