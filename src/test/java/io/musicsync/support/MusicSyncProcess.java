package io.musicsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A {@code ./music-sync <command>} in its own JVM (e.g. {@code worker}, {@code temporal-dev}), configured only
 * through its arguments and environment variables, as a person would run it. Its output goes to a file, shown
 * when it does not become ready.
 */
public final class MusicSyncProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private MusicSyncProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the command with exactly these settings (the parent's environment is not passed on). */
    public static MusicSyncProcess start(Map<String, String> environment, Path directory, String... arguments) {
        try {
            Path log = Files.createTempFile(directory, arguments[0], ".log");
            ProcessBuilder builder = new ProcessBuilder(javaCommand(arguments))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new MusicSyncProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line that runs {@code ./music-sync <arguments>} on this build's classes, in a small JVM. */
    public static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m",
                "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 23) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.musicsync.cli.Main"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Waits until the process has printed {@code text} (e.g. that it is listening or polling). */
    public MusicSyncProcess awaitOutput(String text) {
        Awaitility.await("'" + text + "' in " + log)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("exited with " + process.exitValue() + ":\n" + output());
                    }
                    return output().contains(text);
                });
        return this;
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + atMost + ": " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, in-flight work is simply abandoned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: what Ctrl-C, {@code kill} or {@code docker stop} send. Returns once the process has exited. */
    public void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("did not exit within 60 s of SIGTERM: " + log);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
