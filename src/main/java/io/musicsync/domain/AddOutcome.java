package io.musicsync.domain;

/**
 * Result of the idempotent add.
 *
 * @param added true when this call appended the track; false when it was already in the playlist
 * @param position where the track is (or was appended), so verification can read one page instead of all
 * @param snapshotId the playlist version after the add, or null when nothing was added
 * @param confirmation how the writer knows the track is there; null in outcomes recorded before the playlist
 *                     writer (their sync reads the track back in a step of its own)
 */
public record AddOutcome(boolean added, int position, String snapshotId, AddConfirmation confirmation) {

    /** An outcome without confirmation: the sync still has to read the track back. */
    public AddOutcome(boolean added, int position, String snapshotId) {
        this(added, position, snapshotId, null);
    }
}
