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
 * {@code ./music-sync worker} in its own JVM, configured only through environment variables as a person would
 * run it. Its output goes to a file, shown when it does not become ready.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final String READY = "worker polling";

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a worker with exactly these settings (the parent's environment is not passed on). */
    public static WorkerProcess start(Map<String, String> environment, Path directory) {
        try {
            Path log = Files.createTempFile(directory, "worker", ".log");
            ProcessBuilder builder = new ProcessBuilder(command()).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new WorkerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 23) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.musicsync.cli.Main", "worker"));
        return command;
    }

    /** Waits until the worker says it is polling its task queue. */
    public WorkerProcess awaitReady() {
        Awaitility.await("worker ready; its output: " + log).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("worker exited with " + process.exitValue() + ":\n" + output());
                    }
                    return output().contains(READY);
                });
        return this;
    }

    /** SIGKILL: no shutdown hook runs, in-flight work is simply abandoned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the worker's graceful shutdown. Returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
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
