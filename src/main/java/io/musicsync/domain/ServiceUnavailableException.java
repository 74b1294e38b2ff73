package io.musicsync.domain;

/** The music service answered with a server error or could not be reached: worth retrying. */
public class ServiceUnavailableException extends SyncException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
