package io.musicsync.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.RowView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as {@code GET /api/v1/imports/{id}} shows it (and, without {@code rows}, the list).
 *
 * @param nextCursor the {@code cursor} of the next page of rows, absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportBody(
        String importId,
        String status,
        String playlistId,
        String createPlaylist,
        boolean dryRun,
        String file,
        String format,
        Map<String, Integer> counts,
        List<String> problems,
        String error,
        Instant createdAt,
        Instant completedAt,
        List<RowView> rows,
        Integer nextCursor) {

    public static ImportBody from(ImportStatus status, boolean withRows) {
        return new ImportBody(
                status.importId(),
                status.state().wireName(),
                status.playlistId(),
                status.createName(),
                status.dryRun(),
                status.fileName(),
                status.format(),
                status.counts().byWireName(),
                status.problems(),
                status.error(),
                status.createdAt(),
                status.completedAt(),
                withRows ? status.rows().stream().map(RowView::of).toList() : null,
                status.nextCursor());
    }
}
