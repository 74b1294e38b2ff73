package io.musicsync.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file of one JSON object a line, blank lines skipped; a bad line is named by its number. */
final class JsonLines {

    /** Turns one line's object into a row; {@code number} is the line's, for the message of a bad row. */
    interface RowReader<T> {
        T read(JsonNode row, int number) throws IOException;
    }

    private JsonLines() {}

    static <T> List<T> read(Path file, ObjectMapper json, RowReader<T> rows) throws IOException {
        List<T> result = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    result.add(parse(line, number, json, rows));
                }
            }
        }
        return result;
    }

    static <T> T parse(String line, int number, ObjectMapper json, RowReader<T> rows) throws IOException {
        JsonNode row;
        try {
            row = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException("line " + number + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return rows.read(row, number);
    }
}
