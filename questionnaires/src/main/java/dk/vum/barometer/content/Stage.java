package dk.vum.barometer.content;

import java.util.Locale;
import java.util.Optional;

/** The two implementation stages the barometer measures (seed 000). */
public enum Stage {
    OPSTART(new Text("Opstart/godt i gang", "Start-up/well under way"), new Text(
            "I forbereder VUM 2.0 eller har brugt det i de første måneder: plan, roller, uddannelse og de første sager.",
            "You are preparing VUM 2.0 or have used it for the first months: plan, roles, training and the first cases.")),
    FORANKRING(new Text("Forankring", "Embedding"), new Text(
            "VUM 2.0 bruges i de relevante sager, og I vil fastholde og udvikle praksis: opfølgning, kvalitet og nye kolleger.",
            "VUM 2.0 is used in the relevant cases, and you want to keep and develop the practice: follow-up, quality and new colleagues."));

    private final Text label;
    private final Text description;

    Stage(Text label, Text description) {
        this.label = label;
        this.description = description;
    }

    public Text label() {
        return label;
    }

    /** One sentence that helps a coordinator choose the stage (shown in the new-measurement form and in help). */
    public Text description() {
        return description;
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
