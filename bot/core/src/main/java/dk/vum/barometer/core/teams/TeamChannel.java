package dk.vum.barometer.core.teams;

import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.AccessPolicy;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.command.CommandLine;

import static dk.vum.barometer.core.i18n.Texts.t;

/** Which team a follow-up command is about: a team is its channel. */
public final class TeamChannel {

    private TeamChannel() {
    }

    /**
     * The channel named ("#team-nord"), else the channel the command was typed in, else the one team
     * the caller leads; refused when none of these says, or when the caller does not lead that team.
     */
    public static String of(Caller c, CommandLine line) {
        String channel = line.channels().stream().findFirst()
                .orElseGet(() -> !c.address().direct() ? c.address().conversationId()
                        : c.teams().size() == 1 && !c.seesAllTeams() ? c.teams().iterator().next() : null);
        if (channel == null) throw new Refusal(t(c.language(), "team.which"));
        AccessPolicy.checkChannel(c, channel);
        return channel;
    }

    /** "team-nord" as users write it: "#team-nord". */
    public static String shown(String channelId) {
        return "#" + channelId;
    }
}
