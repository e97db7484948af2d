package dk.vum.barometer.core.access;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;

import java.util.List;
import java.util.Map;

/**
 * The channels a platform knows, so a typed {@code #name} that names none is refused with a suggestion
 * instead of being stored as a results channel that every later post would fail to reach.
 */
public interface Channels {

    /** Knows no channel: for a platform that has not said which it has. */
    Channels NONE = new Channels() {
        public boolean exists(OrgId org, String channelId) {
            return false;
        }

        public List<String> known(OrgId org) {
            return List.of();
        }
    };

    boolean exists(OrgId org, String channelId);

    /** Channel ids to suggest when a typed one names none; may be empty where the platform has a picker. */
    List<String> known(OrgId org);

    /** A fixed list of channel ids (the local web chat's). */
    static Channels of(List<String> channelIds) {
        List<String> copy = List.copyOf(channelIds);
        return new Channels() {
            public boolean exists(OrgId org, String channelId) {
                return copy.contains(channelId);
            }

            public List<String> known(OrgId org) {
                return copy;
            }
        };
    }

    /** Asks each organisation's platform; a platform not named knows no channel. */
    static Channels byPlatform(Map<Platform, Channels> platforms) {
        Map<Platform, Channels> copy = Map.copyOf(platforms);
        return new Channels() {
            public boolean exists(OrgId org, String channelId) {
                return copy.getOrDefault(org.platform(), NONE).exists(org, channelId);
            }

            public List<String> known(OrgId org) {
                return copy.getOrDefault(org.platform(), NONE).known(org);
            }
        };
    }
}
