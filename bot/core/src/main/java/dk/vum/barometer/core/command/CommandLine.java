package dk.vum.barometer.core.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A typed command: its word and arguments, classified so handlers can pick what they need
 * (@user mentions, #channels, measurement numbers, dates) whatever order the user typed them in.
 */
public record CommandLine(CommandWord word, List<String> args) {

    /** Strict: "31-2-2027" is no date, rather than quietly 28 February. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    public CommandLine {
        args = List.copyOf(args);
    }

    /** Parses text typed to the bot; empty if the first word is no command. */
    public static Optional<CommandLine> parse(String text) {
        List<String> tokens = Tokenizer.tokenize(text == null ? "" : text.strip());
        if (tokens.isEmpty()) return Optional.empty();
        String first = tokens.get(0);
        if (first.startsWith("/")) first = first.substring(1);
        Optional<CommandWord> word = CommandWord.parse(first);
        if (word.isEmpty()) return Optional.empty();
        List<String> rest = new ArrayList<>(tokens.subList(1, tokens.size()));
        // "ny måling ..." / "new measurement ...": the noun is optional filler.
        if (word.get() == CommandWord.NEW && !rest.isEmpty()
                && List.of("måling", "maaling", "measurement").contains(rest.get(0).toLowerCase(Locale.ROOT))) {
            rest.remove(0);
        }
        return Optional.of(new CommandLine(word.get(), rest));
    }

    /** User ids from "@id" words (adapters turn platform mentions into that form). */
    public List<String> mentions() {
        return args.stream().filter(a -> a.startsWith("@") && a.length() > 1).map(a -> a.substring(1)).toList();
    }

    /** Channel ids from "#id" words. */
    public List<String> channels() {
        return args.stream().filter(a -> a.startsWith("#") && a.length() > 1).map(a -> a.substring(1)).toList();
    }

    /** Whole numbers (optionally written "m3"), in order. */
    public List<Integer> numbers() {
        return args.stream().map(CommandLine::parseNumber).flatMap(Optional::stream).toList();
    }

    /** The first argument that is a date. */
    public Optional<LocalDate> date() {
        return args.stream().map(CommandLine::parseDate).flatMap(Optional::stream).findFirst();
    }

    /**
     * The first argument that looks like a date (digits with - . or /) but is none, e.g. "31-2-2027" or
     * "12/15/2026": worth a precise answer rather than a general example.
     */
    public Optional<String> badDate() {
        return args.stream().filter(CommandLine::looksLikeDate).filter(a -> parseDate(a).isEmpty()).findFirst();
    }

    /** Digits with - . or / between them: meant as a date, whether or not it is one. */
    public static boolean looksLikeDate(String word) {
        return word.matches("\\d{1,4}[-./]\\d{1,2}([-./]\\d{1,4})?");
    }

    /** Whether the user confirmed a final step ("luk 3 bekræft"). */
    public boolean confirmed() {
        return args.stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.equals("bekræft") || a.equals("confirm")
                || a.equals("bekraeft"));
    }

    /** Arguments that are no mention, channel, number or date: names, roles, keywords. */
    public List<String> words() {
        return args.stream()
                .filter(a -> !a.startsWith("@") && !a.startsWith("#"))
                .filter(a -> parseNumber(a).isEmpty() && parseDate(a).isEmpty())
                .toList();
    }

    /** A measurement number as typed: "3" or "m3". */
    public static Optional<Integer> parseNumber(String word) {
        if (word == null) return Optional.empty();
        String digits = word.toLowerCase(Locale.ROOT).startsWith("m") ? word.substring(1) : word;
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }

    /** A date as typed: 15-12-2026, 15.12.2026, 15/12/2026 or 2026-12-15. */
    public static Optional<LocalDate> parseDate(String word) {
        if (word == null) return Optional.empty();
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(word.strip(), f));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
