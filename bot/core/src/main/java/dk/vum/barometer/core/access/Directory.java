package dk.vum.barometer.core.access;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Who and what the organisation has: display names and languages of users (the user id as the fallback
 * name), and whether a person or channel a command names exists. The adapters record the people a
 * platform knows (members, mentioned people it has looked up) as users, so a name no one recorded is a typo.
 */
public final class Directory {

    private static final int MAX_SUGGESTIONS = 3;

    private final OrganisationStore store;
    private final Channels channels;

    public Directory(OrganisationStore store, Channels channels) {
        this.store = store;
        this.channels = channels;
    }

    public String name(OrgId org, String userId) {
        return store.user(org, userId).map(UserProfile::displayName)
                .filter(n -> n != null && !n.isBlank()).orElse(userId);
    }

    /** The names of many people with one read of the organisation's users, not one per person. */
    public String names(OrgId org, List<String> userIds) {
        Map<String, String> known = displayNames(org);
        return userIds.stream().map(id -> known.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private Map<String, String> displayNames(OrgId org) {
        Map<String, String> names = new LinkedHashMap<>();
        for (UserProfile u : store.users(org)) {
            names.put(u.userId(), u.displayName() == null || u.displayName().isBlank() ? u.userId() : u.displayName());
        }
        return names;
    }

    public Language language(OrgId org, String userId) {
        return store.user(org, userId).map(UserProfile::language).filter(l -> l != null).orElse(Language.DA);
    }

    /**
     * Refuses, before anything changes, people and channels the platform does not know, naming them and
     * suggesting the nearest known ones.
     */
    public void requireKnown(Caller c, Collection<String> userIds, Collection<String> channelIds) {
        Map<String, String> known = userIds.isEmpty() ? Map.of() : displayNames(c.org());
        List<String> unknownPeople = userIds.stream().distinct().filter(u -> !known.containsKey(u)).toList();
        if (!unknownPeople.isEmpty()) {
            List<String> everyone = List.copyOf(known.keySet());
            throw new Refusal(t(c.language(), "unknown.people",
                    unknownPeople.stream().map(u -> "@" + u).collect(Collectors.joining(", ")),
                    suggestion(c.language(), unknownPeople.get(0), everyone, "@")));
        }
        List<String> unknownChannels = channelIds.stream().distinct().filter(ch -> !channels.exists(c.org(), ch)).toList();
        if (!unknownChannels.isEmpty()) {
            throw new Refusal(t(c.language(), "unknown.channels",
                    unknownChannels.stream().map(ch -> "#" + ch).collect(Collectors.joining(", ")),
                    suggestion(c.language(), unknownChannels.get(0), channels.known(c.org()), "#")));
        }
    }

    /** The known ids nearest to the typed one (shared prefix, then few edits), or how to find them. */
    private static String suggestion(Language lang, String typed, List<String> known, String mark) {
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> nearest = known.stream()
                .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, lower.length() / 3)
                        || k.toLowerCase(Locale.ROOT).startsWith(lower.substring(0, Math.min(2, lower.length()))))
                .sorted(Comparator.comparingInt(k -> distance(lower, k.toLowerCase(Locale.ROOT))))
                .limit(MAX_SUGGESTIONS).map(k -> mark + k).toList();
        if (!nearest.isEmpty()) return t(lang, "unknown.did.you.mean", String.join(", ", nearest));
        return t(lang, "@".equals(mark) ? "unknown.people.hint" : "unknown.channels.hint");
    }

    /** Levenshtein distance: how many single-letter edits turn one word into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
