package io.musicsync.domain;

/** The AI provider rejected the API key: retrying cannot help. */
public class AiKeyInvalidException extends SyncException {

    public AiKeyInvalidException(String message) {
        super(message);
    }

    public AiKeyInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
