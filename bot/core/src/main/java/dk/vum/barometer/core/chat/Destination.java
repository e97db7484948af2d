package dk.vum.barometer.core.chat;

/** Where a proactive message goes: a user's direct conversation with the bot, or a channel. */
public sealed interface Destination {

    String id();

    record Direct(String id) implements Destination {
    }

    record Channel(String id) implements Destination {
    }
}
