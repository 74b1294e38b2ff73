package io.musicsync.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.SongQuery;
import io.musicsync.spotify.TrackReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads match cases, one JSON object a line (blank lines skipped). */
public final class MatchCaseReader {

    private final ObjectMapper json;

    public MatchCaseReader(ObjectMapper json) {
        this.json = json;
    }

    public List<MatchCase> read(Path file) throws IOException {
        return JsonLines.read(file, json, this::fromRow);
    }

    MatchCase parseLine(String line, int number) throws IOException {
        return JsonLines.parse(line, number, json, this::fromRow);
    }

    private MatchCase fromRow(JsonNode node, int number) throws IOException {
        JsonNode song = node.path("song");
        String title = text(song, "title");
        String artist = text(song, "artist");
        if (title == null || artist == null) {
            throw new IOException("line " + number + ": song.title and song.artist are required");
        }
        Integer duration =
                song.hasNonNull("duration_ms") ? song.get("duration_ms").asInt() : null;
        Boolean explicit = song.hasNonNull("explicit") ? song.get("explicit").asBoolean() : null;
        SongQuery query = new SongQuery(title, artist, text(song, "album"), duration, text(song, "isrc"), explicit);
        List<CatalogTrack> candidates = new ArrayList<>();
        for (JsonNode candidate : node.path("candidates")) {
            CatalogTrack track = TrackReader.parse(candidate);
            if (track != null) {
                candidates.add(track);
            }
        }
        Set<String> expected = null;
        if (node.has("expected") && node.get("expected").isArray()) {
            expected = new LinkedHashSet<>();
            for (JsonNode uri : node.get("expected")) {
                expected.add(uri.asText());
            }
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : String.valueOf(number);
        return new MatchCase(id, query, candidates, expected);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
