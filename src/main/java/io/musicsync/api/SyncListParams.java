package io.musicsync.api;

import io.javalin.http.Context;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.config.Settings;
import io.musicsync.domain.SyncState;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncListQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The query of {@code GET /api/v1/syncs}: {@code status}, {@code playlist_id}, {@code limit}, {@code cursor}. */
final class SyncListParams {

    private SyncListParams() {}

    /** @throws QueryException naming each bad parameter */
    static SyncListQuery parse(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        SyncState state = null;
        String status = ctx.queryParam("status");
        if (status != null) {
            state = Arrays.stream(SyncState.values())
                    .filter(s -> s.wireName().equals(status))
                    .findFirst()
                    .orElse(null);
            if (state == null) {
                errors.add(new FieldError(
                        "status",
                        "must be one of "
                                + Arrays.stream(SyncState.values())
                                        .map(SyncState::wireName)
                                        .collect(Collectors.joining(", "))));
            }
        }
        String playlist = ctx.queryParam("playlist_id");
        if (playlist != null && !Settings.PLAYLIST_ID.matcher(playlist).matches()) {
            errors.add(new FieldError("playlist_id", "must be a playlist id: 22 letters and digits"));
        }
        int limit = SyncListQuery.DEFAULT_LIMIT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > SyncListQuery.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + SyncListQuery.MAX_LIMIT));
            }
        }
        SyncCursor cursor = null;
        String cursorText = ctx.queryParam("cursor");
        if (cursorText != null) {
            cursor = SyncCursor.decode(cursorText).orElse(null);
            if (cursor == null) {
                errors.add(new FieldError("cursor", "is not a cursor this API gave (use next_cursor as it came)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new QueryException(errors);
        }
        return new SyncListQuery(state, playlist, limit, cursor);
    }

    /** Bad query parameters: answered 400 listing each. */
    static final class QueryException extends RuntimeException {
        private final List<FieldError> errors;

        QueryException(List<FieldError> errors) {
            super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }
}
