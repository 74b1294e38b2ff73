package io.musicsync.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.musicsync.domain.SongQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One row of an import as people and clients see it: in the report (CSV and JSON) and in
 * {@code GET /api/v1/imports/{id}}. The fields, in this order, are the report's columns.
 *
 * @param outcome the outcome's wire name, or {@code pending} while the row is not done
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowView(
        int row,
        String source,
        String outcome,
        String title,
        String artist,
        String album,
        Integer durationMs,
        String isrc,
        List<String> applePlaylists,
        String skipReason,
        String message,
        String trackUri,
        String track,
        Double confidence,
        String matchMethod,
        String syncId) {

    public static final String PENDING = "pending";

    /** The CSV header, in the order of the fields. */
    public static final List<String> COLUMNS = List.of(
            "row",
            "source",
            "outcome",
            "title",
            "artist",
            "album",
            "duration_ms",
            "isrc",
            "apple_playlists",
            "skip_reason",
            "message",
            "track_uri",
            "track",
            "confidence",
            "match_method",
            "sync_id");

    public static RowView of(RowStatus status) {
        ImportRow row = status.row();
        Resolution r = status.resolution();
        SongQuery song = row.song();
        boolean skipped = row.kind() == ImportRow.Kind.SKIPPED;
        return new RowView(
                row.row(),
                row.source(),
                r == null ? PENDING : r.outcome().wireName(),
                song != null ? song.title() : skipped ? row.detail() : null,
                song == null ? null : song.artist(),
                song == null ? null : song.album(),
                song == null ? null : song.durationMs(),
                song == null ? null : song.isrc(),
                row.applePlaylists().isEmpty() ? null : row.applePlaylists(),
                row.skipReason(),
                r == null ? null : r.message(),
                r == null ? null : r.trackUri(),
                r == null ? null : r.track(),
                r == null ? null : r.confidence(),
                r == null ? null : r.matchMethod(),
                r == null ? null : r.syncId());
    }

    /** The CSV cells, in {@link #COLUMNS} order. */
    public List<Object> cells() {
        return Arrays.asList(
                row,
                source,
                outcome,
                title,
                artist,
                album,
                durationMs,
                isrc,
                applePlaylists == null ? null : String.join("; ", applePlaylists),
                skipReason,
                message,
                trackUri,
                track,
                confidence == null ? null : String.format(Locale.ROOT, "%.4f", confidence),
                matchMethod,
                syncId);
    }
}
