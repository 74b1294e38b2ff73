package io.musicsync.domain;

/** The login lacks a scope this call needs, or the account may not use this playlist (403). */
public class InsufficientScopeException extends SyncException {

    public InsufficientScopeException(String message) {
        super(message);
    }

    public InsufficientScopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
