package dk.vum.barometer.teams.card;

import java.util.List;

/**
 * The choices a form's people and channel fields offer: the organisation's people and the team channels the
 * bot knows (whose names are also shown for their ids in any text). Teams' own people picker gives Entra object ids, not the ids the bot talks to, so the card
 * lists whom the bot has met instead (the command with @mentions reaches anyone else).
 */
public record Pickers(List<Choice> people, List<Choice> channels, boolean peopleTyped) {

    public static final Pickers NONE = new Pickers(List.of(), List.of());

    public Pickers {
        people = List.copyOf(people);
        channels = List.copyOf(channels);
    }

    public Pickers(List<Choice> people, List<Choice> channels) {
        this(people, channels, false);
    }

    /** Without the people, who are too many for the card: they are named by typed @mentions instead. */
    public Pickers typedPeople() {
        return new Pickers(List.of(), channels, true);
    }

    public record Choice(String id, String name) {
    }
}
