package io.musicsync.cli;

import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./music-sync simulator}: a local Spotify to point the service at, until Ctrl-C. */
@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        description = "Runs the Spotify simulator (Web API + accounts service) with a sample catalog.")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}; the /_sim endpoints answer loopback only)")
    String host;

    @Option(
            names = "--consistency-lag-ms",
            defaultValue = "1500",
            description = "how long playlist reads lag behind changes, as on Spotify (default: ${DEFAULT-VALUE})")
    long consistencyLagMs;

    @Option(
            names = "--isrc-miss-share",
            defaultValue = "0.1",
            description = "share of ISRCs whose isrc: search finds nothing (default: ${DEFAULT-VALUE})")
    double isrcMissShare;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        SpotifySimulator simulator = SpotifySimulator.start(SimulatorOptions.defaults()
                .withHost(host)
                .withPort(port)
                .withConsistencyLag(Duration.ofMillis(consistencyLagMs))
                .withIsrcMissShare(isrcMissShare));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "simulator-shutdown"));
        String playlistId = simulator.createPlaylist("music-sync demo");
        PrintWriter out = spec.commandLine().getOut();
        printConnectionHelp(out, simulator, playlistId);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The URLs and the environment lines that point music-sync at this simulator. */
    static void printConnectionHelp(PrintWriter out, SpotifySimulator simulator, String playlistId) {
        out.println("Spotify simulator running.");
        out.println("  Web API:          " + simulator.apiUrl());
        out.println("  Accounts service: " + simulator.accountsUrl());
        out.println("  Test support:     " + simulator.accountsUrl() + "/_sim/stats (loopback only)");
        out.println("  Playlist created: " + playlistId);
        out.println();
        out.println("Point music-sync at it with:");
        out.println("SPOTIFY_API_URL=" + simulator.apiUrl());
        out.println("SPOTIFY_ACCOUNTS_URL=" + simulator.accountsUrl());
        out.println("SPOTIFY_CLIENT_ID=" + SpotifySimulator.DEFAULT_CLIENT_ID);
        out.println("SPOTIFY_CLIENT_SECRET=" + SpotifySimulator.DEFAULT_CLIENT_SECRET);
        out.println("SPOTIFY_REFRESH_TOKEN=" + SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        out.println("DEFAULT_PLAYLIST_ID=" + playlistId);
        out.println();
    }
}
