package io.musicsync.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.domain.CatalogTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a catalog, one track a line: {@code {"id","name","artists":[names],"album","release_date","duration_ms",
 * "explicit","isrc"}} (the format of the project's evaluation catalog), blank lines skipped.
 */
public final class CatalogReader {

    private final ObjectMapper json;

    public CatalogReader(ObjectMapper json) {
        this.json = json;
    }

    public List<CatalogTrack> read(Path file) throws IOException {
        return JsonLines.read(file, json, this::fromRow);
    }

    CatalogTrack parseLine(String line, int number) throws IOException {
        return JsonLines.parse(line, number, json, this::fromRow);
    }

    private CatalogTrack fromRow(JsonNode row, int number) throws IOException {
        String id = row.path("id").asText("");
        String name = row.path("name").asText("");
        List<String> artists = new ArrayList<>();
        row.path("artists").forEach(a -> artists.add(a.asText()));
        if (id.isBlank() || name.isBlank() || artists.isEmpty()) {
            throw new IOException("line " + number + ": id, name and at least one artist are required");
        }
        String isrc = row.hasNonNull("isrc") && !row.get("isrc").asText().isBlank()
                ? row.get("isrc").asText().strip().toUpperCase(Locale.ROOT)
                : null;
        return new CatalogTrack(
                id,
                "spotify:track:" + id,
                name,
                artists,
                row.hasNonNull("album") ? row.get("album").asText() : null,
                row.hasNonNull("release_date") ? row.get("release_date").asText() : null,
                row.path("duration_ms").asInt(0),
                row.path("explicit").asBoolean(false),
                isrc);
    }
}
