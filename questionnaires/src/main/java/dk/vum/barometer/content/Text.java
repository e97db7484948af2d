package dk.vum.barometer.content;


/** A text in Danish (always present) and English (optional; Danish is shown when it is missing). */
public record Text(String da, String en) {

    public Text {
        if (da == null || da.isBlank()) throw new IllegalArgumentException("Danish text is required");
    }

    public static Text da(String da) {
        return new Text(da, null);
    }

    /** The text in the given language, falling back to Danish. */
    public String in(Language language) {
        return language == Language.EN && en != null && !en.isBlank() ? en : da;
    }
}
