package io.musicsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Submits one song to a running server, as the iOS Shortcut does, and follows it to the end. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Submit one song to a running music-sync server and follow its progress.")
final class SyncCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(
            names = {"-t", "--title"},
            required = true,
            description = "Song title")
    String title;

    @Option(
            names = {"-a", "--artist"},
            required = true,
            description = "Artist")
    String artist;

    @Option(names = "--album", description = "Album")
    String album;

    @Option(
            names = {"-p", "--playlist"},
            description = "Playlist id (default: the server's DEFAULT_PLAYLIST_ID)")
    String playlist;

    @Option(names = "--duration-ms", description = "Song length in milliseconds")
    Integer durationMs;

    @Option(names = "--isrc", description = "ISRC of the recording")
    String isrc;

    @Option(names = "--no-follow", description = "Print the sync id and return at once")
    boolean noFollow;

    @Option(names = "--timeout", defaultValue = "PT5M", description = "How long to follow (ISO-8601, default PT5M)")
    Duration timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient api = server.client();
        ObjectNode body = api.newObject().put("track_name", title).put("artist", artist);
        putIfSet(body, "album", album);
        putIfSet(body, "playlist_id", playlist);
        putIfSet(body, "isrc", isrc);
        if (durationMs != null) {
            body.put("duration_ms", durationMs);
        }
        ApiClient.Answer accepted = api.post("/api/v1/sync", body);
        if (accepted.status() != 202) {
            System.err.println("Refused (" + accepted.status() + "): " + api.pretty(accepted.body()));
            return 2;
        }
        String id = accepted.body().path("workflow_id").asText();
        System.out.println("Sync " + id + " accepted");
        if (noFollow) {
            return 0;
        }
        return follow(api, id);
    }

    private int follow(ApiClient api, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastStep = "";
        while (System.nanoTime() < deadline) {
            JsonNode status = api.get("/api/v1/sync/" + id).body();
            String step = status.path("progress").path("current_step").asText();
            if (!step.equals(lastStep)) {
                System.out.println("  " + step + " ("
                        + status.path("progress").path("steps_completed").asInt() + "/"
                        + status.path("progress").path("steps_total").asInt() + ")");
                lastStep = step;
            }
            String state = status.path("status").asText();
            if (!"running".equals(state)) {
                return report(status, state);
            }
            // Polling a remote server; not a test.
            Thread.sleep(250);
        }
        System.err.println("Still running after " + timeout + "; check later with: ./music-sync status " + id);
        return 3;
    }

    private static int report(JsonNode status, String state) {
        JsonNode result = status.path("result");
        if ("completed".equals(state)) {
            System.out.println(result.path("message").asText());
            if (result.path("success").asBoolean()) {
                System.out.printf(
                        "  %s via %s, confidence %.2f%n",
                        result.path("spotify_track_uri").asText(),
                        result.path("match_method").asText(),
                        result.path("confidence_score").asDouble());
                return 0;
            }
            return 1;
        }
        System.out.println("Sync " + state + ": " + status.path("error").asText());
        return 1;
    }

    private static void putIfSet(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }
}
