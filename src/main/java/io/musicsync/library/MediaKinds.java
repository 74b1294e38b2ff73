package io.musicsync.library;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for what is not a song, from the words a file uses for the kind of media (Library.xml's
 * {@code Kind} and {@code Genre}, a CSV's media-type column).
 */
final class MediaKinds {

    private static final Set<String> VOICE_MEMO_GENRES = Set.of("voice memo", "voice memos");
    private static final Set<String> PODCAST_GENRES = Set.of("podcast", "podcasts");
    private static final Set<String> AUDIOBOOK_GENRES = Set.of("audiobook", "audiobooks", "audio book", "audio books");

    private MediaKinds() {}

    /** From a kind or media type ("Apple Music AAC audio file", "MPEG-4 video file", "PDF document", "VIDEO"). */
    static Optional<SkipReason> fromKind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.contains("video") || k.contains("movie") || k.contains("tv show")) {
            return Optional.of(SkipReason.VIDEO);
        }
        if (k.contains("podcast") || k.contains("itunes u") || k.contains("episode")) {
            return Optional.of(SkipReason.PODCAST);
        }
        if (k.contains("pdf") || k.contains("document") || k.contains("booklet")) {
            return Optional.of(SkipReason.DOCUMENT);
        }
        if (k.contains("book") || k.contains("audible")) {
            return Optional.of(SkipReason.AUDIOBOOK);
        }
        if (k.contains("voice memo")) {
            return Optional.of(SkipReason.VOICE_MEMO);
        }
        if (k.contains("stream")) {
            return Optional.of(SkipReason.STREAM);
        }
        return Optional.empty();
    }

    /**
     * From a genre, by exact name only: a genre such as "Video Game Music" or "Spoken Word" still holds songs.
     */
    static Optional<SkipReason> fromGenre(String genre) {
        if (genre == null) {
            return Optional.empty();
        }
        String g = genre.trim().toLowerCase(Locale.ROOT);
        if (VOICE_MEMO_GENRES.contains(g)) {
            return Optional.of(SkipReason.VOICE_MEMO);
        }
        if (PODCAST_GENRES.contains(g)) {
            return Optional.of(SkipReason.PODCAST);
        }
        if (AUDIOBOOK_GENRES.contains(g)) {
            return Optional.of(SkipReason.AUDIOBOOK);
        }
        return Optional.empty();
    }
}
