package dk.vum.barometer.teams.state;

/**
 * How to reach a user: the Bot Connector service of their tenant, the bot's id there, and the one-to-one
 * conversation with them, or null until one is created.
 */
public record UserRef(String serviceUrl, String botId, String conversationId) {

    public UserRef withConversation(String id) {
        return new UserRef(serviceUrl, botId, id);
    }
}
