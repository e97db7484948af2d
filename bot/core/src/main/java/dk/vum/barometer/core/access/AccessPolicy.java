package dk.vum.barometer.core.access;

import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.command.CommandWord;
import dk.vum.barometer.core.model.Measurement;

import java.util.function.BooleanSupplier;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Decides who may run a command, before it runs, and whose team's measurements and channels a caller
 * may touch. Every command that names a measurement resolves it through
 * {@code MeasurementCommands.measurement}, which asks {@link #checkTeam}; every post to a channel asks
 * {@link #checkChannel}.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * Refuses a command the caller has no role for.
     *
     * @param orgHasCoordinator asked only on refusal: while nobody has set the organisation up, the
     *                          refusal says how to do that
     */
    public static void check(Caller caller, CommandWord command, BooleanSupplier orgHasCoordinator) {
        if (caller.may(command.audience())) return;
        if (!orgHasCoordinator.getAsBoolean()) throw new Refusal(t(caller.language(), "access.no.coordinator.yet"));
        throw new Refusal(t(caller.language(), command.audience() == CommandWord.Audience.COORDINATOR
                ? "access.coordinator.only" : "access.leaders.only", command.danish()));
    }

    /** Whether the caller may see the measurement: it belongs to a team they lead, or they see every team. */
    public static boolean sees(Caller caller, Measurement m) {
        return caller.leadsTeam(m.resultsChannel());
    }

    /** Refuses a measurement of a team the caller does not lead (its report, export, post, status). */
    public static void checkTeam(Caller caller, Measurement m) {
        if (!sees(caller, m)) throw new Refusal(t(caller.language(), "access.other.team", m.number()));
    }

    /** Refuses posting in, or answering for, the channel of a team the caller does not lead. */
    public static void checkChannel(Caller caller, String channelId) {
        if (!caller.leadsTeam(channelId)) throw new Refusal(t(caller.language(), "access.other.channel", "#" + channelId));
    }
}
