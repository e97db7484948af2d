package dk.vum.barometer.core.report.chart;

import org.jfree.data.category.CategoryDataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PNGs drawn lately, by what they show: drawing a chart is most of the work of a summary, and a closed
 * round's summary is asked for again and again with the same figures. The key is everything the picture
 * depends on (kind, language, size, title, every value and label), so a changed figure is a new picture
 * and nothing needs to be forgotten by hand. At most {@value #CAPACITY} are kept.
 */
final class RenderedCharts {

    static final int CAPACITY = 64;

    private final Map<String, byte[]> pngs = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The PNG of a chart with this key, drawn by {@code draw} only when none is kept. */
    byte[] png(String key, Supplier<byte[]> draw) {
        synchronized (pngs) {
            byte[] kept = pngs.get(key);
            if (kept != null) return kept.clone();
        }
        byte[] drawn = draw.get();
        synchronized (pngs) {
            pngs.put(key, drawn.clone());
        }
        return drawn;
    }

    /** A key for a chart of {@code data}: its kind, the words around it and every cell. */
    static String key(String kind, Object... parts) {
        StringBuilder key = new StringBuilder(kind);
        for (Object part : parts) {
            key.append('\u0000');
            if (part instanceof CategoryDataset data) {
                for (int row = 0; row < data.getRowCount(); row++) {
                    for (int column = 0; column < data.getColumnCount(); column++) {
                        key.append(data.getRowKey(row)).append('\u0001').append(data.getColumnKey(column)).append('\u0001')
                                .append(data.getValue(row, column)).append('\u0002');
                    }
                }
            } else {
                key.append(part);
            }
        }
        return key.toString();
    }

    int size() {
        synchronized (pngs) {
            return pngs.size();
        }
    }
}
