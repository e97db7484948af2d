package dk.vum.barometer.storage.sqlite;

import org.sqlite.SQLiteConfig.SynchronousMode;

import java.util.Locale;

/**
 * When a commit returns: {@link #FULL} (the default, and the only mode for real data) after the WAL is
 * on disk, so an acknowledged write survives a crash; {@link #OFF} before, which only a test suite may
 * choose (system property {@value #PROPERTY}), to spend its time on behaviour instead of fsyncs.
 */
public enum Durability {
    FULL(SynchronousMode.FULL),
    OFF(SynchronousMode.OFF);

    public static final String PROPERTY = "barometer.sqlite.synchronous";

    final SynchronousMode synchronous;

    Durability(SynchronousMode synchronous) {
        this.synchronous = synchronous;
    }

    /** {@link #FULL} unless the system property says {@code OFF}. */
    public static Durability configured() {
        String value = System.getProperty(PROPERTY, FULL.name());
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
