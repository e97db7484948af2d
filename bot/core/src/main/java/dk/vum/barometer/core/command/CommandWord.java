package dk.vum.barometer.core.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command set: one Danish word (shown first) and English aliases, identical on every platform.
 * The order here is the order of the help text.
 */
public enum CommandWord {
    HELP(Audience.EVERYONE, "hjælp", "help", "?", "hjaelp"),
    SETUP(Audience.EVERYONE, "opsæt", "setup", "opsaet"),
    NEW(Audience.COORDINATOR, "ny", "new"),
    RENAME(Audience.COORDINATOR, "omdøb", "rename", "omdoeb"),
    DELETE(Audience.COORDINATOR, "slet", "delete"),
    LIST(Audience.LEADERS, "målinger", "measurements", "list", "maalinger"),
    ADD(Audience.COORDINATOR, "tilføj", "add", "tilfoej"),
    REMOVE(Audience.COORDINATOR, "fjern", "remove"),
    START(Audience.COORDINATOR, "start"),
    STATUS(Audience.LEADERS, "status"),
    REMIND(Audience.COORDINATOR, "påmind", "remind", "paamind"),
    DEADLINE(Audience.COORDINATOR, "frist", "deadline"),
    CLOSE(Audience.COORDINATOR, "luk", "close"),
    REPORT(Audience.LEADERS, "rapport", "report", "summary"),
    POST(Audience.LEADERS, "del", "post", "share"),
    REPEAT(Audience.COORDINATOR, "gentag", "repeat"),
    COMPARE(Audience.LEADERS, "sammenlign", "compare"),
    EXPORT(Audience.LEADERS, "eksport", "export"),
    CHECKLIST(Audience.LEADERS, "tjekliste", "checklist"),
    PLAN(Audience.LEADERS, "plan", "activities", "aktivitetsplan"),
    RHYTHM(Audience.LEADERS, "rytme", "rhythm"),
    OVERVIEW(Audience.COORDINATOR, "oversigt", "overview"),
    ROLE(Audience.COORDINATOR, "rolle", "role", "grant"),
    REVOKE(Audience.COORDINATOR, "fjern-rolle", "revoke"),
    ROLES(Audience.COORDINATOR, "roller", "roles"),
    SETTINGS(Audience.COORDINATOR, "indstil", "set", "settings"),
    ANSWER(Audience.EVERYONE, "besvar", "answer", "fortsæt", "resume", "continue", "fortsaet"),
    PAUSE(Audience.EVERYONE, "pause"),
    LANGUAGE(Audience.EVERYONE, "sprog", "language");

    /** Who may use a command; checked before it runs. */
    public enum Audience { EVERYONE, LEADERS, COORDINATOR }

    private final Audience audience;
    private final List<String> words;

    CommandWord(Audience audience, String... words) {
        this.audience = audience;
        this.words = List.of(words);
    }

    public Audience audience() {
        return audience;
    }

    /** The Danish word, as shown in help. */
    public String danish() {
        return words.get(0);
    }

    /** The first English alias, as shown in help (the Danish word where it is the same in English). */
    public String english() {
        return words.size() > 1 ? words.get(1) : words.get(0);
    }

    public static Optional<CommandWord> parse(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (CommandWord c : values()) {
            if (c.words.contains(w)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
