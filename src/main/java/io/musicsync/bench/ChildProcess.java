package io.musicsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process the bench started (simulator, service, worker, Temporal, bare app), its output in a log file. */
public final class ChildProcess implements AutoCloseable {

    private static final Pattern KB = Pattern.compile("(\\d+)\\s+kB");

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ChildProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code command} with exactly {@code environment} (nothing inherited), output to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildProcess(name, builder.start(), log, started);
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Nanoseconds since launch, for start-up times. */
    public Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Waits until the process has printed {@code text}, polling its log. */
    public Duration awaitOutput(String text, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not print '" + text + "' within " + atMost);
            }
            Thread.sleep(10);
        }
        return sinceLaunch();
    }

    /** Resident memory now, in bytes ({@code VmRSS}), or -1 where /proc is not available. */
    public long rss() {
        return procStatus("VmRSS:");
    }

    /** The highest resident memory since launch, in bytes ({@code VmHWM}), or -1. */
    public long peakRss() {
        return procStatus("VmHWM:");
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field)) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** The number of kB in a /proc status line such as {@code VmRSS:   123456 kB}. */
    static long kilobytes(String line) {
        Matcher matcher = KB.matcher(line);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no kB figure in: " + line);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Waits for the process to exit by itself; returns its exit code. */
    public int waitFor(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + atMost + ": see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
