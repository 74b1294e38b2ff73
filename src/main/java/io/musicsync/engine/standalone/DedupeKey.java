package io.musicsync.engine.standalone;

import io.musicsync.domain.SongQuery;
import io.musicsync.sync.SyncRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Which submissions count as the same (user, playlist, song) for the dedupe window: case and spacing ignored. */
final class DedupeKey {

    private DedupeKey() {}

    static String of(SyncRequest request) {
        SongQuery song = request.song();
        String text = String.join(
                "\u001f",
                String.valueOf(request.userId()),
                request.playlistId(),
                fold(song.title()),
                fold(song.artist()),
                fold(song.album()),
                String.valueOf(song.durationMs()),
                fold(song.isrc()),
                String.valueOf(song.explicit()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String fold(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
