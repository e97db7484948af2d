package dk.vum.barometer.core.access;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;

import java.util.List;
import java.util.stream.Collectors;

/** Display names and languages of users, with the user id as the fallback name. */
public final class Directory {

    private final OrganisationStore store;

    public Directory(OrganisationStore store) {
        this.store = store;
    }

    public String name(OrgId org, String userId) {
        return store.user(org, userId).map(UserProfile::displayName)
                .filter(n -> n != null && !n.isBlank()).orElse(userId);
    }

    public String names(OrgId org, List<String> userIds) {
        return userIds.stream().map(id -> name(org, id)).collect(Collectors.joining(", "));
    }

    public Language language(OrgId org, String userId) {
        return store.user(org, userId).map(UserProfile::language).filter(l -> l != null).orElse(Language.DA);
    }
}
