package dk.vum.barometer.teams.connector;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.RateLimiter;

import java.time.Duration;

/**
 * Keeps to Teams' rate limits before a message leaves: at most so many messages per second into one
 * conversation, and so many per tenant, waiting for a permit rather than drawing a 429.
 */
final class SendLimiter {

    private final LoadingCache<String, RateLimiter> conversations;
    private final LoadingCache<String, RateLimiter> tenants;

    SendLimiter(double perConversation, double perTenant) {
        this.conversations = limiters(perConversation);
        this.tenants = limiters(perTenant);
    }

    private static LoadingCache<String, RateLimiter> limiters(double perSecond) {
        return CacheBuilder.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
                .build(CacheLoader.from(key -> RateLimiter.create(perSecond)));
    }

    /** Blocks until a message may go into this conversation of this tenant. */
    void acquire(String tenantId, String conversationId) {
        tenants.getUnchecked(tenantId == null ? "" : tenantId).acquire();
        conversations.getUnchecked(conversationId).acquire();
    }
}
