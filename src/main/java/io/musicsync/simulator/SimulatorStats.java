package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator has received since start or the last reset.
 *
 * @param requests calls per endpoint name (search, track, playlist, items, add, remove, legacy_tracks, me,
 *                 my_playlists, create_playlist, token, authorize)
 * @param tooManyRequests 429 answers sent, from the rate-limit budget or injected faults
 * @param tooManyRequestsWithoutRetryAfter those of the 429s that came without a Retry-After header
 * @param requestsDuringRetryAfter API calls that arrived while a Retry-After sent earlier was still in force (not
 *                                 counting calls within 100 ms of the 429, which were already in flight)
 */
public record SimulatorStats(
        Map<String, Long> requests,
        @JsonProperty("too_many_requests") long tooManyRequests,

        @JsonProperty("too_many_requests_without_retry_after")
        long tooManyRequestsWithoutRetryAfter,

        @JsonProperty("requests_during_retry_after") long requestsDuringRetryAfter) {

    public SimulatorStats {
        requests = Collections.unmodifiableMap(new TreeMap<>(requests));
    }

    /** Calls received by one endpoint (0 when none). */
    public long requests(String endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }

    /** Calls received by all endpoints together. */
    @JsonIgnore
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
