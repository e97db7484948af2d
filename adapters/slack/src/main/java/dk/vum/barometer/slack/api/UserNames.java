package dk.vum.barometer.slack.api;

import com.slack.api.model.User;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.SendFailure;

import java.util.Map;

/** Display names from users.info, remembered for a while; a name that cannot be had is null. */
public final class UserNames {

    private static final int MAX_KEPT = 5_000;

    private final SlackClients clients;
    private final Map<String, String> names = Lru.map(MAX_KEPT);

    public UserNames(SlackClients clients) {
        this.clients = clients;
    }

    public String name(OrgId org, String userId) {
        String key = org.value() + "|" + userId;
        synchronized (names) {
            String known = names.get(key);
            if (known != null) return known;
        }
        try {
            User user = clients.run(org, "users.info", c -> c.usersInfo(r -> r.user(userId))).getUser();
            String name = displayName(user);
            if (name != null) {
                synchronized (names) {
                    names.put(key, name);
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
