package io.musicsync.mcp;

import io.musicsync.api.ValidationException;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.domain.SyncException;
import io.musicsync.engine.EngineUnavailableException;
import java.util.stream.Collectors;

/**
 * The message an assistant gets for a failed call. Classified failures already say what to do ("Spotify login
 * expired: run ./music-sync login"); anything else is a bug, answered without its details, which go to the log.
 */
final class ToolErrors {

    private ToolErrors() {}

    /** The message for an expected failure, or null when the failure is a bug. */
    static String expected(Throwable error) {
        if (error instanceof ValidationException invalid) {
            return "Invalid arguments: "
                    + invalid.errors().stream().map(ToolErrors::describe).collect(Collectors.joining("; "));
        }
        if (error instanceof ToolArgumentException
                || error instanceof SyncException
                || error instanceof EngineUnavailableException) {
            return error.getMessage();
        }
        return null;
    }

    static String internal(String tool) {
        return "Internal error in " + tool + "; the music-sync log has the details";
    }

    private static String describe(FieldError error) {
        return error.field() + " " + error.message();
    }
}
