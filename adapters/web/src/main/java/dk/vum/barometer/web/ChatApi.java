package dk.vum.barometer.web;

import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.UnitOfWork;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handlers of the chat's JSON API. Any user can be played: the local chat is a demo and test
 * harness, not a place for real identities. The bot's replies are stored in the conversation and
 * returned in the response (no websocket: the page polls for proactive messages).
 */
final class ChatApi {

    /** Most entries returned by one read; a client that gets this many asks again. */
    static final int PAGE_SIZE = 200;

    private final ChatBot bot;
    private final OrganisationStore organisations;
    private final OrgId org;
    private final Conversations conversations;
    private final ConversationLog log;
    private final UnitOfWork units;
    private final Map<String, Object> userLocks = new ConcurrentHashMap<>();

    ChatApi(ChatBot bot, OrganisationStore organisations, OrgId org, Conversations conversations, ConversationLog log,
            UnitOfWork units) {
        this.units = units;
        this.bot = bot;
        this.organisations = organisations;
        this.org = org;
        this.conversations = conversations;
        this.log = log;
    }

    void users(Context ctx) {
        List<ApiJson.User> users = organisations.users(org).stream()
                .map(u -> new ApiJson.User(u.userId(), displayName(u)))
                .toList();
        ApiJson.write(ctx, 200, users);
    }

    void conversations(Context ctx) {
        UserProfile user = user(queryParam(ctx, "user"));
        ApiJson.write(ctx, 200, conversations.visibleTo(user.userId()));
    }

    void messages(Context ctx) {
        UserProfile user = user(queryParam(ctx, "user"));
        String conversationId = ctx.pathParam("id");
        conversations.checkAccess(user.userId(), conversationId);
        long afterSeq = afterSeq(ctx);
        List<TranscriptEntry> entries = log.after(conversationId, afterSeq, PAGE_SIZE);
        long newer = entries.stream().filter(entry -> entry.seq() > afterSeq).count();
        ApiJson.write(ctx, 200, new ApiJson.Messages(ApiJson.Entry.of(entries), newer == PAGE_SIZE));
    }

    void text(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        String text = body.required("text", RequestBody.MAX_TEXT);
        Address address = address(body);
        reply(ctx, new Inbound.TextInput(address, clientId(body), text));
    }

    void action(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        String action = body.required("action", RequestBody.MAX_ID);
        String value = body.optional("value", RequestBody.MAX_ID);
        Address address = address(body);
        reply(ctx, new Inbound.ButtonInput(address, clientId(body), action, value));
    }

    void form(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.body());
        String formId = body.required("formId", RequestBody.MAX_ID);
        var values = body.stringMap("values");
        Address address = address(body);
        reply(ctx, new Inbound.FormInput(address, clientId(body), formId, values));
    }

    /**
     * Hands the event to the bot and stores its replies; the event itself is not stored. One user's
     * events are handled and stored one at a time, so a slow earlier reply can never be stored after a
     * later one that replaced it (the thanks after a submission must be the last word). In a channel the
     * replies are the asker's only, as Slack's ephemeral ones: returned, never stored where others read.
     */
    private void reply(Context ctx, Inbound event) {
        List<ApiJson.Entry> replies;
        Object lock = userLocks.computeIfAbsent(event.address().userId(), u -> new Object());
        synchronized (lock) {
            // the bot's work and the stored replies commit as one unit: one durable write per click (a unit
            // may run again after a deadlock, so it builds its replies afresh)
            replies = units.inTransaction(() -> {
                List<ApiJson.Entry> stored = new ArrayList<>();
                for (Message message : bot.handle(event)) {
                    stored.add(event.address().direct()
                            ? ApiJson.Entry.of(log.append(event.address().conversationId(), message))
                            : ApiJson.Entry.ephemeral(message));
                }
                return stored;
            });
        }
        ApiJson.write(ctx, 200, new ApiJson.Replies(replies));
    }

    private Address address(RequestBody body) {
        UserProfile user = user(body.required("user", RequestBody.MAX_ID));
        String conversationId = body.required("conversation", RequestBody.MAX_ID);
        conversations.checkAccess(user.userId(), conversationId);
        return new Address(org, conversationId, Conversations.isDirect(conversationId), user.userId(), displayName(user));
    }

    private static String clientId(RequestBody body) {
        return body.required("clientId", RequestBody.MAX_ID);
    }

    private UserProfile user(String userId) {
        return organisations.user(org, userId)
                .orElseThrow(() -> ChatApiException.notFound("unknown_user", "Brugeren findes ikke."));
    }

    private static String displayName(UserProfile user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.userId() : user.displayName();
    }

    private static String queryParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) throw ChatApiException.badRequest("Parameteren '" + name + "' mangler.");
        return value;
    }

    private static long afterSeq(Context ctx) {
        String after = ctx.queryParam("after");
        if (after == null || after.isBlank()) return 0;
        try {
            long seq = Long.parseLong(after);
            if (seq >= 0) return seq;
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ChatApiException.badRequest("Parameteren 'after' skal være et helt tal, 0 eller større.");
    }
}
