package dk.vum.barometer.core.access;

import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.command.CommandWord;

import java.util.function.BooleanSupplier;

import static dk.vum.barometer.core.i18n.Texts.t;

/** Decides who may run a command, before it runs. */
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
}
