package dk.vum.barometer.teams;

import java.net.URI;
import java.util.Map;

/**
 * The Teams adapter's settings, from environment variables (README, Configuration).
 *
 * @param appId                MICROSOFT_APP_ID: the Azure Bot's app id; null turns the endpoint off unless
 *                             {@code allowUnauthenticated}
 * @param appPassword          MICROSOFT_APP_PASSWORD: its client secret
 * @param allowUnauthenticated TEAMS_ALLOW_UNAUTHENTICATED: accept unsigned requests and send without tokens
 *                             (local trials and tests only)
 * @param openIdMetadataUrl    TEAMS_OPENID_METADATA_URL: where the Bot Framework's signing keys are listed
 * @param tokenEndpoint        TEAMS_TOKEN_ENDPOINT: where the bot gets its own token (client credentials); by
 *                             default the tenant's of MICROSOFT_APP_TENANT_ID (single-tenant bots) or botframework.com
 * @param messagesPerSecond    TEAMS_MESSAGES_PER_SECOND: Teams' per-thread limit of 7 per second; other values scale all
 *                             four thread windows (7/1 s, 8/2 s, 60/30 s, 1,800/h) alike, for tests
 * @param tenantMessagesPerSecond TEAMS_TENANT_MESSAGES_PER_SECOND: most requests in any second per tenant (Teams: 50)
 */
public record TeamsConfig(String appId, String appPassword, boolean allowUnauthenticated,
                          URI openIdMetadataUrl, URI tokenEndpoint, double messagesPerSecond,
                          double tenantMessagesPerSecond) {

    public static final URI BOT_FRAMEWORK_METADATA =
            URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");
    /** The scope of the token the bot presents to the Bot Connector service. */
    public static final String CONNECTOR_SCOPE = "https://api.botframework.com/.default";

    public static TeamsConfig from(Map<String, String> env) {
        String appId = blankToNull(env.get("MICROSOFT_APP_ID"));
        String tenant = blankToNull(env.get("MICROSOFT_APP_TENANT_ID"));
        String metadata = blankToNull(env.get("TEAMS_OPENID_METADATA_URL"));
        String token = blankToNull(env.get("TEAMS_TOKEN_ENDPOINT"));
        return new TeamsConfig(appId, blankToNull(env.get("MICROSOFT_APP_PASSWORD")),
                Boolean.parseBoolean(env.getOrDefault("TEAMS_ALLOW_UNAUTHENTICATED", "false")),
                metadata == null ? BOT_FRAMEWORK_METADATA : URI.create(metadata),
                token == null ? defaultTokenEndpoint(tenant) : URI.create(token),
                Double.parseDouble(env.getOrDefault("TEAMS_MESSAGES_PER_SECOND", "7")),
                Double.parseDouble(env.getOrDefault("TEAMS_TENANT_MESSAGES_PER_SECOND", "50")));
    }

    /** Multi-tenant bots get their token from the botframework.com tenant, single-tenant bots from their own. */
    static URI defaultTokenEndpoint(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + (tenantId == null ? "botframework.com" : tenantId)
                + "/oauth2/v2.0/token");
    }

    /** Whether the Teams endpoint is on: with an app id, or explicitly without authentication. */
    public boolean enabled() {
        return appId != null || allowUnauthenticated;
    }

    /** Requests are verified and replies authenticated whenever an app id is set. */
    public boolean authenticated() {
        return appId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
