package io.musicsync.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.api.dto.ErrorBody.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates an answer to a review, for the HTTP API and the MCP tool alike: exactly one of {@code track_uri} (a
 * Spotify track URI) and {@code not_on_spotify} ({@code true}).
 */
public final class ReviewAnswerParser {

    private static final Pattern TRACK_URI = Pattern.compile("^spotify:track:[A-Za-z0-9]{22}$");

    private ReviewAnswerParser() {}

    /**
     * @return the chosen track's URI, or null for "not on Spotify"
     * @throws ValidationException naming the field that is wrong
     */
    public static String trackUri(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        JsonNode track = body.get("track_uri");
        JsonNode none = body.get("not_on_spotify");
        boolean hasTrack = track != null && !track.isNull();
        boolean hasNone = none != null && !none.isNull();
        if (hasTrack == hasNone) {
            throw invalid(
                    hasTrack ? "not_on_spotify" : "track_uri",
                    "give exactly one of track_uri (the track to add) and not_on_spotify (true)");
        }
        if (hasNone) {
            if (!(none.isBoolean() && none.asBoolean())) {
                throw invalid("not_on_spotify", "must be true (or send track_uri instead)");
            }
            return null;
        }
        if (!(track.isTextual() && TRACK_URI.matcher(track.asText()).matches())) {
            throw invalid("track_uri", "must be a Spotify track URI: spotify:track: and 22 letters and digits");
        }
        return track.asText();
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
