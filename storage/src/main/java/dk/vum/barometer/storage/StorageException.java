package dk.vum.barometer.storage;

/** A database failure. Callers cannot fix it: it signals a broken store, not bad input. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
