package io.musicsync.store;

/** The journal could not be written or read (disk full, read-only, corrupt): the message says what and why. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
