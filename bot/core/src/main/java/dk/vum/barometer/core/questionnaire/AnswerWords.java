package dk.vum.barometer.core.questionnaire;

import dk.vum.barometer.content.Scale;

import java.util.Optional;

/**
 * Typed answers, for platforms or users where buttons do not work: "1".."5"; "0", "v", "ved ikke" for
 * ved ikke; "i", "ir", "ikke relevant" for ikke relevant. A scale without "ikke relevant" (content
 * version 1) had one combined "Ved ikke / ikke relevant", so there those words mean ved ikke.
 */
final class AnswerWords {

    private AnswerWords() {
    }

    static Optional<Integer> parse(String lowerCaseText, Scale scale) {
        String w = lowerCaseText.strip();
        if (w.length() == 1 && w.charAt(0) >= '0' && w.charAt(0) <= '5') return Optional.of(w.charAt(0) - '0');
        return switch (w) {
            case "v", "vi", "ved ikke", "dk", "dont know", "don't know" -> Optional.of(Scale.DONT_KNOW);
            case "i", "ir", "ikke relevant", "nr", "not relevant", "n/a" ->
                    Optional.of(scale.notRelevant() == null ? Scale.DONT_KNOW : Scale.NOT_RELEVANT);
            default -> Optional.empty();
        };
    }
}
