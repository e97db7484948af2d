package dk.vum.barometer.bench;

/** The server answered something a person at the page would see as a failure. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
