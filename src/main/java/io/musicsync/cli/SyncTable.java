package io.musicsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings of the list of syncs and of a history, for the terminal. */
final class SyncTable {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private SyncTable() {}

    /** The answer of {@code GET /api/v1/syncs} as a table, with the next page's cursor when there is one. */
    static String render(JsonNode page) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STARTED", "STATUS", "SONG", "OUTCOME", "ID"});
        for (JsonNode sync : page.path("syncs")) {
            rows.add(new String[] {
                WHEN.format(Instant.parse(sync.path("started_at").asText())),
                sync.path("status").asText(),
                cut(
                        sync.path("track_name").asText("?") + " - "
                                + sync.path("artist").asText("?"),
                        40),
                cut(outcome(sync), 50),
                sync.path("workflow_id").asText()
            });
        }
        StringBuilder text = new StringBuilder();
        if (rows.size() == 1) {
            text.append("No syncs yet.\n");
        } else {
            text.append(columns(rows));
        }
        if (page.hasNonNull("next_cursor")) {
            text.append("(more: GET /api/v1/syncs?cursor=")
                    .append(page.get("next_cursor").asText())
                    .append(")\n");
        }
        return text.toString();
    }

    private static String outcome(JsonNode sync) {
        if (sync.path("success").asBoolean(false)) {
            return "added (" + sync.path("match_method").asText() + ")";
        }
        return sync.path("message").asText("");
    }

    /** The answer of {@code GET /api/v1/sync/{id}/history}, one event a line. */
    static String history(JsonNode history) {
        StringBuilder text = new StringBuilder();
        for (JsonNode event : history.path("events")) {
            text.append(TIME.format(Instant.parse(event.path("at").asText())))
                    .append("  ")
                    .append(String.format("%-20s", event.path("type").asText()))
                    .append(String.format("%-18s", event.path("step").asText("")))
                    .append(event.path("message").asText(""));
            if (event.hasNonNull("error")
                    && !event.path("message")
                            .asText("")
                            .equals(event.path("error").asText())) {
                text.append(" | error: ").append(event.get("error").asText());
            }
            if (event.hasNonNull("next_delay_ms")) {
                text.append(" | next attempt in ")
                        .append(event.get("next_delay_ms").asLong())
                        .append(" ms");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
