package dk.vum.barometer.core.model;

import java.util.Locale;
import java.util.Optional;

/** The four phases of the implementation course (seed 001). */
public enum CoursePhase {
    PLANLAEGNING("planlægning", "planlaegning", "planning", "1"),
    FORBEREDELSE("forberedelse", "preparation", "2"),
    UDVIKLING("udvikling", "development", "prøvehandlinger", "3"),
    FORANKRING("forankring", "anchoring", "vidensdeling", "4");

    private final java.util.List<String> words;

    CoursePhase(String... words) {
        this.words = java.util.List.of(words);
    }

    public static Optional<CoursePhase> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (CoursePhase p : values()) if (p.words.contains(w) || p.name().equalsIgnoreCase(w)) return Optional.of(p);
        return Optional.empty();
    }
}
