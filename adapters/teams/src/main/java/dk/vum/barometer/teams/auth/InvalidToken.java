package dk.vum.barometer.teams.auth;

/** A request whose bearer token is missing or does not prove it comes from the Bot Framework for this bot. */
public final class InvalidToken extends Exception {

    public InvalidToken(String reason) {
        super(reason);
    }

    public InvalidToken(String reason, Throwable cause) {
        super(reason, cause);
    }
}
