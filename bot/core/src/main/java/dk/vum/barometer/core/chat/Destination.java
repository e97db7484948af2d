package dk.vum.barometer.core.chat;

/** Where a proactive message goes: a user's direct conversation with the bot, or a channel. */
public sealed interface Destination {

    String id();

    record Direct(String id) implements Destination {
    }

    /** A channel; {@code requestedBy} is the user who asked for the post, to be told if the channel refuses it. */
    record Channel(String id, String requestedBy) implements Destination {

        public Channel(String id) {
            this(id, null);
        }
    }
}
