package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One playlist entry; the track (or episode, or local file: {@link TrackJson}, {@link EpisodeJson},
 * {@link LocalFileJson}) is under both {@code item} (new) and {@code track} (deprecated), as on Spotify.
 */
record PlaylistItemJson(
        @JsonProperty("added_at") String addedAt,
        @JsonProperty("added_by") UserJson addedBy,
        @JsonProperty("is_local") boolean isLocal,
        Object item,
        Object track) {}
