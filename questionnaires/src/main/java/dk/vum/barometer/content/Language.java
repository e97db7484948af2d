package dk.vum.barometer.content;

import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks: Danish first, English second. */
public enum Language {
    DA, EN;

    public Locale locale() {
        return this == DA ? Locale.forLanguageTag("da-DK") : Locale.ENGLISH;
    }

    /** Parses "da", "dansk", "en", "english", "engelsk" (any case). */
    public static Optional<Language> parse(String word) {
        if (word == null) return Optional.empty();
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "da", "dansk", "danish" -> Optional.of(DA);
            case "en", "engelsk", "english" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
