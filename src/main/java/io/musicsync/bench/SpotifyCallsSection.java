package io.musicsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spotify calls per song, from the simulator's own counters: syncs one by one, syncs at once into one playlist,
 * and {@code ./music-sync import} of new songs into a playlist that is already large.
 */
public final class SpotifyCallsSection {

    private final BenchContext context;

    public SpotifyCallsSection(BenchContext context) {
        this.context = context;
    }

    /** The calls one case made, per endpoint, and how many songs it was for. */
    record Calls(String scenario, int songs, Map<String, Long> byEndpoint, String note) {

        long total() {
            return byEndpoint.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public String run() throws IOException, InterruptedException {
        BenchPlan plan = context.plan();
        List<Calls> cases = new ArrayList<>();
        try (SimulatorProcess simulator = SimulatorProcess.start(context.launcher(), context.http())) {
            List<BenchSong> lone = context.newSongs(plan.oneByOne());
            List<BenchSong> together = context.newSongs(plan.concurrent());
            simulator.addSongs(lone);
            simulator.addSongs(together);
            String lonePlaylist = simulator.createPlaylist("bench one by one");
            String sharedPlaylist = simulator.createPlaylist("bench at once");
            Map<String, String> settings = ServiceProcess.settings(
                    simulator, lonePlaylist, context.launcher().dataDir("calls"), Map.of("STANDALONE_STORE", "sqlite"));
            try (ServiceProcess service =
                    ServiceProcess.start(context.launcher(), context.http(), "serve-calls", settings, List.of())) {
                SyncDriver driver = new SyncDriver(service, 1);
                context.say("Spotify calls: " + lone.size() + " syncs one by one");
                Map<String, Long> before = simulator.requests();
                int added = 0;
                for (BenchSong song : lone) {
                    added += driver.run(1, i -> song.request(lonePlaylist), Duration.ofMinutes(1))
                            .succeeded();
                }
                cases.add(new Calls(
                        "one by one, each its own sync",
                        lone.size(),
                        delta(before, simulator.requests()),
                        added + " added"));
                context.say("Spotify calls: " + together.size() + " syncs at once into one playlist");
                before = simulator.requests();
                SyncDriver.Outcome outcome = new SyncDriver(service, together.size())
                        .run(together.size(), i -> together.get(i).request(sharedPlaylist), Duration.ofMinutes(2));
                cases.add(new Calls(
                        together.size() + " at once into one playlist",
                        together.size(),
                        delta(before, simulator.requests()),
                        outcome.succeeded() + " added"));
            }
            cases.add(importCase(simulator, plan));
        }
        return render(cases);
    }

    private Calls importCase(SimulatorProcess simulator, BenchPlan plan) throws IOException, InterruptedException {
        context.say("Spotify calls: import of " + plan.importSongs() + " songs into a playlist of "
                + plan.importPlaylistSize());
        List<BenchSong> existing = context.newSongs(plan.importPlaylistSize());
        List<BenchSong> imported = context.newSongs(plan.importSongs());
        String playlist = simulator.createPlaylist("bench import");
        simulator.fillPlaylist(playlist, simulator.addSongs(existing));
        simulator.addSongs(imported);
        Path list = context.launcher().dataDir("import-list").resolve("songs.txt");
        Files.createDirectories(list.getParent());
        Files.write(list, imported.stream().map(BenchSong::listLine).toList());
        Map<String, String> settings = ServiceProcess.settings(
                simulator, playlist, context.launcher().dataDir("import"), Map.of("STANDALONE_STORE", "sqlite"));
        Map<String, Long> before = simulator.requests();
        long began = System.nanoTime();
        try (ChildProcess importer = context.launcher()
                .musicSync(
                        "import",
                        settings,
                        List.of(),
                        "import",
                        list.toString(),
                        "--playlist",
                        playlist,
                        "--no-progress")) {
            int exit = importer.waitFor(Duration.ofMinutes(8));
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            if (exit != 0) {
                throw new IllegalStateException("import exited with " + exit + ":\n" + importer.output());
            }
            int inPlaylist = simulator.playlistSize(playlist);
            return new Calls(
                    "`import` of " + plan.importSongs() + " new songs into a playlist of " + plan.importPlaylistSize(),
                    plan.importSongs(),
                    delta(before, simulator.requests()),
                    (inPlaylist - plan.importPlaylistSize()) + " added, " + LoadSection.seconds(took));
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((endpoint, count) -> {
            long made = count - before.getOrDefault(endpoint, 0L);
            if (made > 0) {
                delta.put(endpoint, made);
            }
        });
        return delta;
    }

    static String render(List<Calls> cases) {
        TreeSet<String> endpoints = new TreeSet<>();
        cases.forEach(c -> endpoints.addAll(c.byEndpoint().keySet()));
        List<String> header = new ArrayList<>(List.of("case", "songs", "calls per song"));
        endpoints.forEach(e -> header.add(e + " / song"));
        header.add("outcome");
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (Calls c : cases) {
            List<Object> row = new ArrayList<>(List.of(c.scenario(), c.songs(), perSong(c.total(), c.songs())));
            endpoints.forEach(e -> row.add(perSong(c.byEndpoint().getOrDefault(e, 0L), c.songs())));
            row.add(c.note());
            table.row(row.toArray());
        }
        return table.render();
    }

    private static String perSong(long calls, int songs) {
        return String.format(Locale.ROOT, "%.2f", songs == 0 ? 0 : (double) calls / songs);
    }
}
