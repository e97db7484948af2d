package dk.vum.barometer.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test moves by hand, to reach reminder days and deadlines. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(ZonedDateTime start) {
        this.now = start.toInstant();
    }

    void set(ZonedDateTime time) {
        now = time.toInstant();
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock outer = this;
        return new Clock() {
            public ZoneId getZone() {
                return zone;
            }

            public Clock withZone(ZoneId z) {
                return outer.withZone(z);
            }

            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
