package dk.vum.barometer.content;

import java.util.Locale;
import java.util.Optional;

/** The two implementation stages the barometer measures (seed 000). */
public enum Stage {
    OPSTART(new Text("Opstart/godt i gang", "Start-up/well under way")),
    FORANKRING(new Text("Forankring", "Embedding"));

    private final Text label;

    Stage(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    /** Parses "opstart", "godt-i-gang", "start-up", "forankring", "embedding" (any case). */
    public static Optional<Stage> parse(String word) {
        if (word == null) return Optional.empty();
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "opstart", "godt-i-gang", "start-up", "startup" -> Optional.of(OPSTART);
            case "forankring", "embedding" -> Optional.of(FORANKRING);
            default -> Optional.empty();
        };
    }
}
