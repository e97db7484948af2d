package dk.vum.barometer.web;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.TranscriptStore;
import dk.vum.barometer.core.store.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The users and transcripts the web chat reads, in memory, with the semantics the ports promise
 * (a replaced entry gets a new seq). Everything else of {@link OrganisationStore} is out of scope; a unit
 * of work is its work as it runs (nothing to roll back or commit).
 */
final class InMemoryChatStore implements OrganisationStore, TranscriptStore, UnitOfWork {

    private record Row(OrgId org, TranscriptEntry entry) {
    }

    private final Map<String, UserProfile> users = new LinkedHashMap<>();
    private final List<Row> transcript = new ArrayList<>();
    private long lastSeq;

    @Override
    public synchronized void upsertUser(OrgId org, String userId, String displayName) {
        users.put(org + "/" + userId, new UserProfile(org, userId, displayName, Language.DA));
    }

    @Override
    public synchronized Optional<UserProfile> user(OrgId org, String userId) {
        return Optional.ofNullable(users.get(org + "/" + userId));
    }

    @Override
    public synchronized List<UserProfile> users(OrgId org) {
        return users.values().stream().filter(u -> u.org().equals(org)).toList();
    }

    @Override
    public synchronized TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload) {
        for (int i = 0; replaceKey != null && i < transcript.size(); i++) {
            Row row = transcript.get(i);
            if (row.org().equals(org) && row.entry().conversationId().equals(conversationId)
                    && replaceKey.equals(row.entry().replaceKey())) {
                TranscriptEntry replaced = new TranscriptEntry(row.entry().seq(), conversationId, replaceKey, payload);
                transcript.set(i, new Row(org, replaced));
                return replaced;
            }
        }
        TranscriptEntry entry = new TranscriptEntry(++lastSeq, conversationId, replaceKey, payload);
        transcript.add(new Row(org, entry));
        return entry;
    }

    @Override
    public synchronized TranscriptEntry repost(OrgId org, String conversationId, String replaceKey, String payload) {
        transcript.removeIf(row -> row.org().equals(org) && row.entry().conversationId().equals(conversationId)
                && replaceKey.equals(row.entry().replaceKey()));
        return append(org, conversationId, replaceKey, payload);
    }

    @Override
    public synchronized List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit) {
        List<TranscriptEntry> entries = transcript.stream()
                .filter(row -> row.org().equals(org) && row.entry().conversationId().equals(conversationId))
                .map(Row::entry)
                .toList();
        return Stream.concat(entries.stream().filter(e -> e.seq() <= afterSeq && e.replaceKey() != null),
                entries.stream().filter(e -> e.seq() > afterSeq).limit(limit)).toList();
    }

    @Override
    public synchronized List<String> conversations(OrgId org) {
        return transcript.stream().filter(row -> row.org().equals(org))
                .map(row -> row.entry().conversationId()).distinct().toList();
    }

    /** Every stored payload, to prove what was (not) stored. */
    synchronized List<String> allPayloads() {
        return transcript.stream().map(row -> row.entry().payload()).toList();
    }

    @Override
    public List<OrgId> organisations() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean ensureOrganisation(OrgId org, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setLanguage(OrgId org, String userId, Language language) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean claimFirstCoordinator(OrgId org, String userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void grantRole(OrgId org, String userId, Role role) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeRole(OrgId org, String userId, Role role) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Role> roles(OrgId org, String userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Set<Role>> roleHolders(OrgId org) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OrgSettings settings(OrgId org) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void saveSettings(OrgId org, OrgSettings settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
