package dk.vum.barometer.teams.connector;

/** A conversation at a Bot Connector service: where a message goes. */
public record Target(String serviceUrl, String tenantId, String conversationId) {
}
