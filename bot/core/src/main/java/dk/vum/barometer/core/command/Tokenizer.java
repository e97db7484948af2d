package dk.vum.barometer.core.command;

import java.util.ArrayList;
import java.util.List;

/** Splits command text into words; text in straight or typographic double quotes stays one word. */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean hadQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '“' || c == '”' || c == '„') {
                quoted = !quoted;
                hadQuote = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                flush(tokens, current, hadQuote);
                hadQuote = false;
            } else {
                current.append(c);
            }
        }
        flush(tokens, current, hadQuote);
        return tokens;
    }

    private static void flush(List<String> tokens, StringBuilder current, boolean hadQuote) {
        if (current.length() > 0 || hadQuote) tokens.add(current.toString());
        current.setLength(0);
    }
}
