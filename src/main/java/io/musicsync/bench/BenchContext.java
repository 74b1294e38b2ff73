package io.musicsync.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sections of one run share: how to start processes, the HTTP client, the plan, where to say what is
 * happening, and the start-up and memory figures each section records for the start-up table.
 */
public final class BenchContext {

    /** One process's start-up: launch to ready, resident memory once ready and at its highest. */
    public record Startup(String process, Duration ready, long idleRss, long peakRss, String peakDuring) {}

    private final Launcher launcher;
    private final BenchHttp http;
    private final BenchPlan plan;
    private final PrintWriter progress;
    private final List<Startup> startups = new ArrayList<>();
    private final AtomicInteger songRuns = new AtomicInteger();

    public BenchContext(Launcher launcher, BenchHttp http, BenchPlan plan, PrintWriter progress) {
        this.launcher = launcher;
        this.http = http;
        this.plan = plan;
        this.progress = progress;
    }

    public Launcher launcher() {
        return launcher;
    }

    public BenchHttp http() {
        return http;
    }

    public BenchPlan plan() {
        return plan;
    }

    public void say(String line) {
        progress.println("bench: " + line);
        progress.flush();
    }

    /** A number no other batch of songs of this run has, so songs never repeat (no dedupe, no shared result). */
    public int nextSongRun() {
        return songRuns.incrementAndGet();
    }

    /** {@code count} new songs. */
    public List<BenchSong> newSongs(int count) {
        int run = nextSongRun();
        List<BenchSong> songs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            songs.add(BenchSong.of(run, i));
        }
        return songs;
    }

    public synchronized void recordStartup(Startup startup) {
        startups.add(startup);
    }

    public synchronized List<Startup> startups() {
        return List.copyOf(startups);
    }
}
