package io.musicsync.simulator;

import java.time.Instant;

/** One position in a playlist: the same URI may appear many times, as on Spotify. */
record PlaylistEntry(String uri, Instant addedAt, String addedBy) {}
