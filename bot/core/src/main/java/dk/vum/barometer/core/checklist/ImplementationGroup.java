package dk.vum.barometer.core.checklist;

import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.store.MeasurementStore;

/**
 * Who answers the checklist for a team: the implementation group, that is coordinators, the team's
 * leaders, and the superusers registered in the team's measurements.
 */
final class ImplementationGroup {

    private final MeasurementStore measurements;

    ImplementationGroup(MeasurementStore measurements) {
        this.measurements = measurements;
    }

    boolean includes(Caller c, String channelId) {
        if (c.leadsTeam(channelId)) return true;
        return measurements.measurements(c.org()).stream()
                .filter(m -> channelId.equals(m.resultsChannel())).map(Measurement::number)
                .anyMatch(n -> measurements.respondent(c.org(), n, c.userId())
                        .filter(r -> r.role() == RespondentRole.SUPERBRUGER).isPresent());
    }
}
