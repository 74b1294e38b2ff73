package io.musicsync.support;

import io.musicsync.simulator.SpotifySimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings of a {@code ./music-sync serve} process in a test: on a port, against the simulator, in a folder. */
public final class ServeEnvironment {

    private ServeEnvironment() {}

    /**
     * A mutable map to add to: the journal in {@code dir/data}, the config in {@code dir/config}, AI off.
     *
     * @param spotifyApi the simulator's API URL, or a proxy in front of it
     */
    public static Map<String, String> of(
            SpotifySimulator simulator, URI spotifyApi, Path dir, String playlist, int port) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("API_PORT", String.valueOf(port));
        env.put("SPOTIFY_API_URL", spotifyApi.toString());
        env.put("SPOTIFY_ACCOUNTS_URL", simulator.accountsUrl().toString());
        env.put("SPOTIFY_CLIENT_ID", SpotifySimulator.DEFAULT_CLIENT_ID);
        env.put("SPOTIFY_REFRESH_TOKEN", SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        env.put("CONFIG_DIR", Files.createDirectories(dir.resolve("config")).toString());
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("DEFAULT_PLAYLIST_ID", playlist);
        env.put("USE_AI_DISAMBIGUATION", "false");
        return env;
    }
}
