package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Text;

import java.util.List;

/**
 * How the answers of a {@link Score} spread: the counts of 1-5, and the answers off the scale (each
 * with its label: "ved ikke", "ikke relevant"), which count in no mean. A list, so another answer off the
 * scale fits without changing any chart, table or export.
 *
 * @param scale    how many answered 1, 2, 3, 4 and 5
 * @param offScale answers that are not on the scale, in the order they are shown
 */
public record Distribution(List<Integer> scale, List<OffScale> offScale) {

    public static final Text DONT_KNOW = new Text("Ved ikke", "Don't know");
    public static final Text NOT_RELEVANT = new Text("Ikke relevant", "Not relevant");

    public Distribution {
        scale = List.copyOf(scale);
        offScale = List.copyOf(offScale);
    }

    public record OffScale(Text label, int count) {
    }

    /** Every answer counted: on the scale and off it. */
    public int total() {
        return scale.stream().mapToInt(Integer::intValue).sum() + offScale.stream().mapToInt(OffScale::count).sum();
    }
}
