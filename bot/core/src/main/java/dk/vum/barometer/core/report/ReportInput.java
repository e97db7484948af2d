package dk.vum.barometer.core.report;

import dk.vum.barometer.core.model.OrgSettings;

import java.util.Objects;

/**
 * What {@link ReportBuilder} needs: the measurement to report on, optionally the one it is compared
 * with, and the organisation's anonymity thresholds.
 *
 * <p>Both measurements must be closed: answers that are still coming in would let two reports of the
 * same measurement be subtracted from each other to isolate the newest respondents. The thresholds
 * apply to both measurements, so a compared figure is used only if it would be shown today.
 *
 * @param compared the measurement this one is compared with ({@code Measurement.compareWith}), or null
 */
public record ReportInput(MeasurementData current, MeasurementData compared, OrgSettings settings) {

    public ReportInput {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(settings, "settings");
        requireClosed(current);
        if (compared != null) {
            requireClosed(compared);
            var m = current.measurement();
            var c = compared.measurement();
            if (!c.org().equals(m.org()) || !Integer.valueOf(c.number()).equals(m.compareWith())) {
                throw new IllegalArgumentException("measurement " + m.number() + " is not compared with " + c.number());
            }
        }
    }

    public static ReportInput of(MeasurementData current, OrgSettings settings) {
        return new ReportInput(current, null, settings);
    }

    private static void requireClosed(MeasurementData data) {
        if (!data.measurement().isClosed()) {
            throw new IllegalArgumentException("measurement " + data.measurement().number() + " is not closed");
        }
    }
}
