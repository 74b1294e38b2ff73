package io.musicsync.mcp;

/** A tool was called with arguments it cannot use; the message names the argument and what is allowed. */
final class ToolArgumentException extends RuntimeException {

    ToolArgumentException(String message) {
        super(message);
    }
}
