package dk.vum.barometer.core.model;

import java.util.Locale;
import java.util.Optional;

/** A team's answer to a check question. */
public enum ChecklistVerdict {
    JA, DELVIS, NEJ, IKKE_RELEVANT;

    public static Optional<ChecklistVerdict> parse(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
