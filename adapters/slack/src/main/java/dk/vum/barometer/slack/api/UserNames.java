package dk.vum.barometer.slack.api;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import dk.vum.barometer.core.outbox.SendFailure;

import java.util.Map;

/** Display names from users.info, remembered for a while; a name that cannot be had is null. */
public final class UserNames {

    private static final int MAX_KEPT = 5_000;

    private final MethodsClient client;
    private final Map<String, String> names = Lru.map(MAX_KEPT);

    public UserNames(MethodsClient client) {
        this.client = client;
    }

    public String name(String userId) {
        synchronized (names) {
            String known = names.get(userId);
            if (known != null) return known;
        }
        try {
            User user = SlackCall.run("users.info", () -> client.usersInfo(r -> r.user(userId))).getUser();
            String name = displayName(user);
            if (name != null) {
                synchronized (names) {
                    names.put(userId, name);
                }
            }
            return name;
        } catch (SendFailure | RuntimeException e) {
            return null;
        }
    }

    private static String displayName(User user) {
        if (user == null) return null;
        if (user.getProfile() != null) {
            String display = user.getProfile().getDisplayName();
            if (display != null && !display.isBlank()) return display;
            String real = user.getProfile().getRealName();
            if (real != null && !real.isBlank()) return real;
        }
        return user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
    }
}
