package io.musicsync.domain;

/**
 * How the playlist writer knows a track is in the playlist. Spotify shows a write through its reads only seconds
 * later, so a read is not the only evidence: the service's acceptance of our own add counts too.
 */
public enum AddConfirmation {
    /** Added, and a read of the playlist after the add showed it where it was put. */
    READ_BACK("read_back"),
    /** Added: the service accepted the add (201 with a new snapshot) but its reads did not show it yet. */
    ADD_ACCEPTED("add_accepted"),
    /** Already there: a read of the playlist holds it. */
    PLAYLIST_READ("playlist_read"),
    /** Already there: the writer itself added it earlier (a read may not show it yet). */
    WRITER_RECORD("writer_record");

    private final String wireName;

    AddConfirmation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
