package dk.vum.barometer.slack.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a size, for small per-process memories. */
public final class Lru {

    private Lru() {
    }

    public static <K, V> Map<K, V> map(int maxSize) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxSize;
            }
        };
    }
}
