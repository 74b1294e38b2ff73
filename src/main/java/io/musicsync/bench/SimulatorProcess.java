package io.musicsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./music-sync simulator} in its own process, driven through its loopback-only {@code /_sim} routes: the
 * latency it answers with, the songs in its catalog, playlists, and its request counters.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final ChildProcess process;
    private final BenchHttp http;
    private final URI base;
    private final Map<String, String> settings;

    private SimulatorProcess(ChildProcess process, BenchHttp http, URI base, Map<String, String> settings) {
        this.process = process;
        this.http = http;
        this.base = base;
        this.settings = settings;
    }

    /** Starts it with its defaults (as strict as Spotify) and waits until it has printed its settings. */
    public static SimulatorProcess start(Launcher launcher, BenchHttp http) throws IOException, InterruptedException {
        int port = Launcher.freePort();
        ChildProcess process =
                launcher.musicSync("simulator", Map.of(), List.of("-Xmx512m"), "simulator", "--port", "" + port);
        try {
            process.awaitOutput("Press Ctrl-C", Duration.ofSeconds(60));
        } catch (IllegalStateException e) {
            process.close();
            throw e;
        }
        return new SimulatorProcess(
                process, http, URI.create("http://127.0.0.1:" + port), printedSettings(process.output()));
    }

    /** The {@code KEY=value} lines it prints for pointing music-sync at it. */
    static Map<String, String> printedSettings(String output) {
        Map<String, String> settings = new HashMap<>();
        for (String line : output.lines().toList()) {
            int equals = line.indexOf('=');
            if (line.startsWith("SPOTIFY_") && equals > 0) {
                settings.put(
                        line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return settings;
    }

    /** The Spotify settings of a service that uses this simulator. */
    public Map<String, String> spotifySettings() {
        return Map.copyOf(settings);
    }

    public void setLatency(Duration latency) throws InterruptedException {
        BenchHttp.expect(
                http.postJson(base.resolve("/_sim/latency"), Map.of("ms", latency.toMillis()), Map.of()),
                204,
                "set the simulator's latency");
    }

    /** Adds the songs to the catalog; returns their track URIs in order. */
    public List<String> addSongs(List<BenchSong> songs) throws InterruptedException {
        List<String> uris = new ArrayList<>(songs.size());
        for (int from = 0; from < songs.size(); from += 1000) {
            List<Map<String, Object>> tracks = songs.subList(from, Math.min(songs.size(), from + 1000)).stream()
                    .map(BenchSong::catalogTrack)
                    .toList();
            JsonNode added = BenchHttp.expect(
                            http.postJson(base.resolve("/_sim/tracks"), tracks, Map.of()), 201, "add songs")
                    .body();
            added.forEach(track -> uris.add(track.path("uri").asText()));
        }
        return uris;
    }

    public String createPlaylist(String name) throws InterruptedException {
        return BenchHttp.expect(
                        http.postJson(base.resolve("/_sim/playlists"), Map.of("name", name), Map.of()),
                        201,
                        "create a playlist")
                .body()
                .path("id")
                .asText();
    }

    /** Adds tracks to a playlist through the Web API itself, 100 per call, as Spotify allows. */
    public void fillPlaylist(String playlistId, List<String> uris) throws InterruptedException {
        String form = "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(settings.get("SPOTIFY_REFRESH_TOKEN"), StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(settings.get("SPOTIFY_CLIENT_ID"), StandardCharsets.UTF_8);
        String token = BenchHttp.expect(http.postForm(base.resolve("/api/token"), form), 200, "get a token")
                .body()
                .path("access_token")
                .asText();
        for (int from = 0; from < uris.size(); from += 100) {
            BenchHttp.expect(
                    http.postJson(
                            base.resolve("/v1/playlists/" + playlistId + "/items"),
                            Map.of("uris", uris.subList(from, Math.min(uris.size(), from + 100))),
                            Map.of("Authorization", "Bearer " + token)),
                    201,
                    "fill the playlist");
        }
    }

    /** How many tracks the playlist holds now (the simulator's own view, without read-after-write lag). */
    public int playlistSize(String playlistId) throws InterruptedException {
        return BenchHttp.expect(http.get(base.resolve("/_sim/playlists/" + playlistId)), 200, "read a playlist")
                .body()
                .size();
    }

    /** Calls received per endpoint since start (search, add, items, playlist, token, ...). */
    public Map<String, Long> requests() throws InterruptedException {
        JsonNode stats = BenchHttp.expect(http.get(base.resolve("/_sim/stats")), 200, "read the simulator's stats")
                .body();
        Map<String, Long> counts = new HashMap<>();
        stats.path("requests")
                .properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
