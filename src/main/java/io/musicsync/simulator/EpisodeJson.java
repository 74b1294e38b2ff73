package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A podcast episode in a playlist, in the few fields a playlist reader sees first. */
record EpisodeJson(
        String id,
        String uri,
        String name,
        @JsonProperty("duration_ms") int durationMs,
        String type) {

    static EpisodeJson of(String uri) {
        String id = uri.substring("spotify:episode:".length());
        return new EpisodeJson(id, uri, "Simulated episode " + id, 1_800_000, "episode");
    }
}
