package dk.vum.barometer.teams.connector;

import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.restclient.credentials.ServiceClientCredentials;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.ConversationList;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Calls of the Bot Connector REST API ({@code /v3/conversations/...}) at an activity's service URL, through the
 * SDK's REST client: one client per service URL, each call waiting for the rate limiter first. Failures come
 * back as {@link ConnectorFailure} with the status; retrying is left to the caller (the SDK's own immediate
 * retries are turned off).
 */
public final class BotConnector {

    private final ServiceClientCredentials credentials;
    private final SendLimiter limiter;
    /** Teams' roster pages hold at most 500 members: 100 pages reach teams of any size the app is meant for. */
    private static final int MAX_ROSTER_PAGES = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    public BotConnector(ServiceClientCredentials credentials, SendLimiter limiter) {
        this.credentials = credentials;
        this.limiter = limiter;
    }

    /** Sends into a conversation; as a reply to {@code replyToId} when given. Returns the new activity's id. */
    public String send(Target target, Activity activity, String replyToId) throws ConnectorFailure {
        waitForRoom(target.tenantId(), target.conversationId());
        ResourceResponse response = call(target.serviceUrl(), c -> replyToId == null
                ? c.sendToConversation(target.conversationId(), activity)
                : c.replyToActivity(target.conversationId(), replyToId, activity));
        return response == null ? null : response.getId();
    }

    /** Replaces an earlier activity of the bot in place. */
    public void update(Target target, String activityId, Activity activity) throws ConnectorFailure {
        waitForRoom(target.tenantId(), target.conversationId());
        activity.setId(activityId);
        call(target.serviceUrl(), c -> c.updateActivity(target.conversationId(), activityId, activity));
    }

    /**
     * Starts a new thread in a team channel with this activity (as Teams wants proactive channel posts:
     * a group conversation in the channel).
     */
    public void postToChannel(Target channel, Activity activity) throws ConnectorFailure {
        waitForRoom(channel.tenantId(), channel.conversationId());
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setTenantId(channel.tenantId());
        parameters.setChannelData(channelData(channel.tenantId(), channel.conversationId()));
        parameters.setActivity(activity);
        call(channel.serviceUrl(), c -> c.createConversation(parameters));
    }

    /** Opens (or finds) the one-to-one conversation of the bot with a user; returns its id. */
    public String createPersonalConversation(String serviceUrl, String tenantId, String botId, String userId)
            throws ConnectorFailure {
        waitForRoom(tenantId, "create:" + userId);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(botId));
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        parameters.setChannelData(channelData(tenantId, null));
        var response = call(serviceUrl, c -> c.createConversation(parameters));
        if (response == null || response.getId() == null) {
            throw new ConnectorFailure("createConversation gave no id", 502, null, null);
        }
        return response.getId();
    }

    private void waitForRoom(String tenantId, String conversationId) throws ConnectorFailure {
        try {
            limiter.acquire(tenantId, conversationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorFailure("interrupted while waiting for the rate limit", 0, null, e);
        }
    }

    /** A member of a team as its roster lists them. */
    public record Member(String id, String name) {
    }

    /**
     * Every member of a team, paging through its roster ({@code GET /v3/conversations/{teamId}/pagedmembers}).
     * Requested directly: the SDK's client cannot send a continuation token (its URL template is refused).
     */
    public List<Member> teamMembers(String serviceUrl, String tenantId, String teamId) throws ConnectorFailure {
        List<Member> members = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_ROSTER_PAGES; page++) {
            waitForRoom(tenantId, teamId);
            JsonNode result = get(serviceUrl, "v3/conversations/" + encode(teamId) + "/pagedmembers"
                    + (token == null ? "" : "?continuationToken=" + encode(token)));
            for (JsonNode m : result.path("members")) {
                if (m.hasNonNull("id")) members.add(new Member(m.get("id").asText(), m.path("name").asText(null)));
            }
            token = result.path("continuationToken").asText("");
            if (token.isBlank()) break;
        }
        return members;
    }

    private JsonNode get(String serviceUrl, String path) throws ConnectorFailure {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        Request request = new Request.Builder().url(base + path).get().header("Accept", "application/json").build();
        try (Response response = client(serviceUrl).httpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new ConnectorFailure("Bot Connector answered " + response.code(), response.code(),
                        retryAfter(response.header("Retry-After")), null);
            }
            return JSON.readTree(response.body().string());
        } catch (IOException e) {
            throw new ConnectorFailure("Bot Connector unreachable: " + e.getMessage(), 0, null, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The team's channels by id with their names; the General channel comes without one (null). */
    public Map<String, String> teamChannels(String serviceUrl, String tenantId, String teamId) throws ConnectorFailure {
        waitForRoom(tenantId, teamId);
        RestTeamsConnectorClient teams = new RestTeamsConnectorClient(client(serviceUrl)) { };
        ConversationList list;
        try {
            list = teams.getTeams().fetchChannelList(teamId).join();
        } catch (CompletionException | RestException | IllegalArgumentException e) {
            throw failure(e);
        }
        Map<String, String> channels = new LinkedHashMap<>();
        if (list != null && list.getConversations() != null) {
            for (ChannelInfo c : list.getConversations()) if (c.getId() != null) channels.put(c.getId(), c.getName());
        }
        return channels;
    }

    private static TeamsChannelData channelData(String tenantId, String channelId) {
        TeamsChannelData data = new TeamsChannelData();
        data.setTenant(new TenantInfo(tenantId));
        if (channelId != null) data.setChannel(new ChannelInfo(channelId));
        return data;
    }

    /** One call; an internal server error (500) is tried once more at once, as it is often passing. */
    private <T> T call(String serviceUrl, Function<Conversations, CompletableFuture<T>> request) throws ConnectorFailure {
        Conversations conversations = new RestConnectorClient(client(serviceUrl)).getConversations();
        try {
            return request.apply(conversations).join();
        } catch (CompletionException | RestException | IllegalArgumentException e) {
            ConnectorFailure failure = failure(e);
            if (failure.status() != 500) throw failure;
        }
        try {
            return request.apply(conversations).join();
        } catch (CompletionException | RestException | IllegalArgumentException e) {
            throw failure(e);
        }
    }

    /** One HTTP client per service URL, telling who calls (the SDK's own User-Agent names no real version). */
    private RestClient client(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, url -> RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                .withRetryStrategy(NO_RETRY)
                .withReadTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .withInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build()))
                .build());
    }

    private static ConnectorFailure failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                var response = rest.response();
                return new ConnectorFailure("Bot Connector answered " + response.code(), response.code(),
                        retryAfter(response.headers().get("Retry-After")), e);
            }
            if (t instanceof IOException) return new ConnectorFailure("Bot Connector unreachable: " + t.getMessage(), 0, null, e);
            if (t instanceof IllegalArgumentException) return new ConnectorFailure("bad request: " + t.getMessage(), 400, null, e);
        }
        return new ConnectorFailure("Bot Connector call failed: " + e, 0, null, e);
    }

    /** Retry-After in seconds; the HTTP-date form is rare here and treated as absent. */
    static Duration retryAfter(String header) {
        if (header == null) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static final String USER_AGENT = Versions.userAgent();

    private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
            return false;
        }
    };
}
