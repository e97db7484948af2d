package dk.vum.barometer.core.access;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;

import java.util.List;
import java.util.Map;

/**
 * Which people the bot can write to now. On some platforms (Teams) the bot can start a direct conversation
 * only with people who have the app; the coordinator is told by name who cannot be reached yet.
 */
@FunctionalInterface
public interface Reachability {

    /** Everyone is reachable: the local web chat and Slack can write to any member. */
    Reachability EVERYONE = (org, userIds) -> List.of();

    /** The ones among {@code userIds} the bot cannot write to yet, in the given order. */
    List<String> unreachable(OrgId org, List<String> userIds);

    /** Asks the reachability of each organisation's platform; platforms not named reach everyone. */
    static Reachability byPlatform(Map<Platform, Reachability> platforms) {
        Map<Platform, Reachability> copy = Map.copyOf(platforms);
        return (org, userIds) -> copy.getOrDefault(org.platform(), EVERYONE).unreachable(org, userIds);
    }
}
