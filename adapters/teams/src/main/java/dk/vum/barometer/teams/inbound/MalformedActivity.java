package dk.vum.barometer.teams.inbound;

/** An activity the bot cannot act on: answered with 400, nothing changed. */
public final class MalformedActivity extends Exception {

    public MalformedActivity(String reason) {
        super(reason);
    }
}
