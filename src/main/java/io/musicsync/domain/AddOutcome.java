package io.musicsync.domain;

/**
 * Result of the idempotent add.
 *
 * @param added true when this call appended the track; false when it was already in the playlist
 * @param position where the track is (or was appended), so verification can read one page instead of all
 * @param snapshotId the playlist version after the add, or null when nothing was added
 */
public record AddOutcome(boolean added, int position, String snapshotId) {}
