package io.musicsync.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.config.Settings;
import io.musicsync.domain.SongQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates a sync request body with the original contract's rules (names 1-200 characters, trimmed, not blank;
 * album up to 200, blank meaning none; playlist id of 22 letters and digits, falling back to
 * {@code DEFAULT_PLAYLIST_ID}; threshold 0-1) plus our optional {@code duration_ms}, {@code isrc}, {@code explicit}.
 * Every problem is reported, each naming its field. Unknown fields are ignored so older Shortcuts keep working.
 */
public final class SyncRequestParser {

    private static final int MAX_NAME = 200;
    private static final Pattern ISRC = Pattern.compile("^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$");
    /** What {@link #normalizedIsrc} accepts, as a message naming no field. */
    public static final String ISRC_RULE = "must be an ISRC: 12 characters like USRC17607839";

    private static final int MAX_DURATION_MS = 6 * 60 * 60 * 1000;

    private final String defaultPlaylistId;
    private final double defaultThreshold;

    public SyncRequestParser(String defaultPlaylistId, double defaultThreshold) {
        this.defaultPlaylistId = defaultPlaylistId;
        this.defaultThreshold = defaultThreshold;
    }

    public SyncSubmission parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException(List.of(new FieldError("body", "must be a JSON object")));
        }
        SongQuery song = song(body, errors);
        String playlist = playlistId(body, errors);
        String userId = name(body, "user_id", false, errors);
        double threshold = threshold(body, errors);
        boolean useAi = bool(body, "use_ai_disambiguation", errors, true);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SyncSubmission(song, playlist, userId, threshold, useAi);
    }

    /**
     * The song fields of a request ({@code track_name}, {@code artist}, {@code album}, {@code duration_ms},
     * {@code isrc}, {@code explicit}), checked as a sync's are: one set of rules for a sync and an import's JSON row.
     * Adds each invalid field to {@code errors}; the song is meaningful only when none was added.
     */
    static SongQuery song(JsonNode body, List<FieldError> errors) {
        String title = name(body, "track_name", true, errors);
        String artist = name(body, "artist", true, errors);
        String album = name(body, "album", false, errors);
        Integer duration = duration(body, errors);
        String isrc = isrc(body, errors);
        Boolean explicit = body.hasNonNull("explicit") ? bool(body, "explicit", errors, false) : null;
        return new SongQuery(title, artist, album, duration, isrc, explicit);
    }

    private static String name(JsonNode body, String field, boolean required, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (value.length() > MAX_NAME) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME + " characters"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            // Control characters have no place in a song's name and would corrupt log lines and searches.
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private String playlistId(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("playlist_id");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (defaultPlaylistId == null) {
                errors.add(new FieldError("playlist_id", "is required (no DEFAULT_PLAYLIST_ID is configured)"));
            }
            return defaultPlaylistId;
        }
        String value = node.isTextual() ? node.asText().strip() : "";
        if (!Settings.PLAYLIST_ID.matcher(value).matches()) {
            errors.add(new FieldError("playlist_id", "must be a Spotify playlist id: 22 letters and digits"));
            return null;
        }
        return value;
    }

    private double threshold(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("match_threshold");
        if (node == null || node.isNull()) {
            return defaultThreshold;
        }
        if (!node.isNumber() || node.asDouble() < 0.0 || node.asDouble() > 1.0) {
            errors.add(new FieldError("match_threshold", "must be a number from 0 to 1"));
            return defaultThreshold;
        }
        return node.asDouble();
    }

    private static boolean bool(JsonNode body, String field, List<FieldError> errors, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return fallback;
        }
        return node.asBoolean();
    }

    private static Integer duration(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("duration_ms");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()
                || !node.isIntegralNumber()
                || node.asInt() <= 0
                || node.asInt() > MAX_DURATION_MS) {
            errors.add(new FieldError(
                    "duration_ms", "must be a whole number of milliseconds from 1 to " + MAX_DURATION_MS));
            return null;
        }
        return node.asInt();
    }

    private static String isrc(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("isrc");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        String value = node.isTextual() ? normalizedIsrc(node.asText()) : null;
        if (value == null) {
            errors.add(new FieldError("isrc", ISRC_RULE));
        }
        return value;
    }

    /** The ISRC in canonical form (upper case, no hyphens), or null when it is not one. */
    public static String normalizedIsrc(String text) {
        String value = text.strip().replace("-", "").toUpperCase(Locale.ROOT);
        return ISRC.matcher(value).matches() ? value : null;
    }
}
