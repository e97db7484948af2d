package dk.vum.barometer.core.admin;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.store.OrganisationStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may become an organisation's first coordinator besides the holder of the {@link SetupCode}: the
 * person who installed the app (a platform's install flow calls {@link #installed}), and the people named
 * in configuration ({@code COORDINATORS}). Never whoever speaks first.
 */
public final class Coordinators {

    /** One configured coordinator: {@code <platform>:<organisation id>:<user id>}, the user id as the platform sends it. */
    public record Configured(OrgId org, String userId) {
    }

    private final OrganisationStore store;

    public Coordinators(OrganisationStore store) {
        this.store = store;
    }

    /**
     * Parses {@code slack:T123:U456,teams:<tenant id>:<AAD object id>}; refuses anything else, naming it.
     * Empty or null: none.
     */
    public static List<Configured> parse(String text) {
        List<Configured> configured = new ArrayList<>();
        if (text == null || text.isBlank()) return configured;
        for (String entry : text.split(",")) {
            String e = entry.strip();
            // A user id may hold colons itself (Teams' "29:…"), an organisation id never does.
            int first = e.indexOf(':');
            int last = first < 0 ? -1 : e.indexOf(':', first + 1);
            Platform platform = first > 0 ? platform(e.substring(0, first)) : null;
            if (platform == null || last <= first + 1 || last == e.length() - 1) {
                throw new IllegalArgumentException("COORDINATORS: “" + e + "” is not <slack|teams>:<organisation id>:<user id>");
            }
            configured.add(new Configured(OrgId.of(platform, e.substring(first + 1, last)), e.substring(last + 1)));
        }
        return configured;
    }

    private static Platform platform(String name) {
        for (Platform p : Platform.values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return p;
        }
        return null;
    }

    /** At start: every configured person of an organisation without a coordinator becomes one. */
    public void grantConfigured(List<Configured> configured) {
        for (Configured c : configured) {
            boolean hasCoordinator = store.roleHolders(c.org()).entrySet().stream()
                    .anyMatch(e -> e.getValue().contains(Role.COORDINATOR) && !configured.contains(new Configured(c.org(), e.getKey())));
            if (hasCoordinator) continue;
            store.ensureOrganisation(c.org(), c.org().value());
            store.grantRole(c.org(), c.userId(), Role.COORDINATOR);
        }
    }

    /** The person who installed the app becomes the coordinator, if the organisation has none. */
    public boolean installed(OrgId org, String userId) {
        store.ensureOrganisation(org, org.value());
        return store.claimFirstCoordinator(org, userId);
    }
}
