package io.musicsync.engine;

/** The engine cannot take work now; the message says what to start. Answered as 503. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
