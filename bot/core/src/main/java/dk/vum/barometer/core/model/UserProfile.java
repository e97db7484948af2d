package dk.vum.barometer.core.model;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;

/** What we know of a chat user: a display name and the language they chose. */
public record UserProfile(OrgId org, String userId, String displayName, Language language) {
}
