package io.musicsync.domain;

/**
 * A song as Apple Music names it. Only title and artist are required; the rest sharpen the match.
 *
 * @param durationMs length in milliseconds, or null when unknown
 * @param isrc International Standard Recording Code, or null
 * @param explicit whether the requested version is explicit, or null when unknown
 */
public record SongQuery(String title, String artist, String album, Integer durationMs, String isrc, Boolean explicit) {

    public static SongQuery of(String title, String artist) {
        return new SongQuery(title, artist, null, null, null, null);
    }

    public SongQuery withAlbum(String newAlbum) {
        return new SongQuery(title, artist, newAlbum, durationMs, isrc, explicit);
    }

    @Override
    public String toString() {
        return "\"" + title + "\" by " + artist + (album == null ? "" : " (" + album + ")");
    }
}
