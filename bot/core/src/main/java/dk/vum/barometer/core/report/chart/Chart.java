package dk.vum.barometer.core.report.chart;

import java.util.Objects;

/**
 * A rendered chart: the PNG, and alt text that says the same in words (for screen readers and for
 * platforms that cannot show the picture).
 *
 * @param name file name, e.g. "maaling-3-temaer.png"
 */
public record Chart(String name, byte[] png, String alt) {

    public static final String MEDIA_TYPE = "image/png";

    public Chart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(alt, "alt");
    }
}
