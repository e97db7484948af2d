package dk.vum.barometer.slack;

/**
 * Where and how the replies to one inbound event are shown.
 *
 * @param channel     the conversation the event came from
 * @param direct      the bot's direct conversation with the user: replies are posted there and updated in place
 * @param responseUrl a slash command's or button's response URL: replies elsewhere are ephemeral through it
 * @param triggerId   the interaction's trigger, good once for opening a modal; null when there is none
 * @param asModal     show the replies themselves in a modal with a command line ({@code /barometer} alone)
 */
record ReplyTarget(String channel, boolean direct, String responseUrl, String triggerId, boolean asModal) {

    static ReplyTarget of(String channel, boolean direct, String responseUrl, String triggerId) {
        return new ReplyTarget(channel, direct, responseUrl, triggerId, false);
    }
}
