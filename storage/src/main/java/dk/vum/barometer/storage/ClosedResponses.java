package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.StoredResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses of the few most recently reported closed measurements, kept once read: a closed round
 * never changes, and its summary is asked for again and again. An entry is used only while the
 * measurement is closed and its responses have the same fingerprint (count, lowest and highest random
 * id), so a measurement deleted and its number reused, or a change by another instance, is read afresh.
 */
final class ClosedResponses {

    /** What identifies a closed measurement's set of responses, read with one index-only query. */
    record Fingerprint(int count, String lowestId, String highestId) {
    }

    private record Key(OrgId org, int measurement) {
    }

    private record Entry(Fingerprint fingerprint, List<StoredResponse> responses) {
    }

    private static final int MEASUREMENTS = 8;

    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MEASUREMENTS;
        }
    };

    synchronized Optional<List<StoredResponse>> get(OrgId org, int measurement, Fingerprint fingerprint) {
        Entry entry = entries.get(new Key(org, measurement));
        return entry != null && entry.fingerprint().equals(fingerprint) ? Optional.of(entry.responses()) : Optional.empty();
    }

    synchronized void put(OrgId org, int measurement, Fingerprint fingerprint, List<StoredResponse> responses) {
        entries.put(new Key(org, measurement), new Entry(fingerprint, List.copyOf(responses)));
    }
}
