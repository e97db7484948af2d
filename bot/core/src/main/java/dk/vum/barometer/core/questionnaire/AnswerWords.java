package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Scale;

import java.util.Optional;

/** Typed answers, for platforms or users where buttons do not work: "1".."5", "0", "v", "ved ikke". */
final class AnswerWords {

    private AnswerWords() {
    }

    static Optional<Integer> parse(String lowerCaseText) {
        String w = lowerCaseText.strip();
        if (w.length() == 1 && w.charAt(0) >= '0' && w.charAt(0) <= '5') return Optional.of(w.charAt(0) - '0');
        return switch (w) {
            case "v", "ved ikke", "ved ikke / ikke relevant", "ikke relevant", "dont know", "don't know", "n/a" ->
                    Optional.of(Scale.DONT_KNOW);
            default -> Optional.empty();
        };
    }
}
