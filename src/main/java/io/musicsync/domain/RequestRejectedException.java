package io.musicsync.domain;

/** The music service rejected the request as malformed (a 4xx other than 401/403/404/429): retrying cannot help. */
public class RequestRejectedException extends SyncException {

    public RequestRejectedException(String message) {
        super(message);
    }

    public RequestRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
