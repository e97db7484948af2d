package dk.vum.barometer.core.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A typed command: its word and arguments, classified so handlers can pick what they need
 * (@user mentions, #channels, measurement numbers, dates) whatever order the user typed them in.
 */
public record CommandLine(CommandWord word, List<String> args) {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));

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
        List<Integer> numbers = new ArrayList<>();
        for (String a : args) {
            String digits = a.toLowerCase(Locale.ROOT).startsWith("m") ? a.substring(1) : a;
            if (!digits.isEmpty() && digits.length() <= 6 && digits.chars().allMatch(Character::isDigit)) {
                numbers.add(Integer.parseInt(digits));
            }
        }
        return numbers;
    }

    public Optional<LocalDate> date() {
        for (String a : args) {
            for (DateTimeFormatter f : DATES) {
                try {
                    return Optional.of(LocalDate.parse(a, f));
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
        }
        return Optional.empty();
    }

    /** Arguments that are no mention, channel, number or date: names, roles, keywords. */
    public List<String> words() {
        return args.stream()
                .filter(a -> !a.startsWith("@") && !a.startsWith("#"))
                .filter(a -> new CommandLine(word, List.of(a)).numbers().isEmpty())
                .filter(a -> new CommandLine(word, List.of(a)).date().isEmpty())
                .toList();
    }
}
