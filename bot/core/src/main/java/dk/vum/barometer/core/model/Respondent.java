package dk.vum.barometer.core.model;

import dk.vum.barometer.core.chat.OrgId;

/** A person registered to answer a measurement. Holds no answers and no timestamps. */
public record Respondent(OrgId org, int measurement, String userId, RespondentRole role, RespondentStatus status) {
}
