package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One playlist entry; the track is under both {@code item} (new) and {@code track} (deprecated), as on Spotify. */
record PlaylistItemJson(
        @JsonProperty("added_at") String addedAt,
        @JsonProperty("added_by") UserJson addedBy,
        @JsonProperty("is_local") boolean isLocal,
        TrackJson item,
        TrackJson track) {}
