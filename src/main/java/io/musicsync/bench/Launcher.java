package io.musicsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the processes of a bench run: {@code ./music-sync <command>} (this jar's {@code Main}) or the bare app,
 * each in its own JVM with the launcher's flags ({@code MS_JVM_FLAGS}) plus any the run adds, logs in one folder.
 *
 * @param java the {@code java} executable
 * @param classPath this build's class path (the jar when run through {@code ./music-sync})
 * @param jvmFlags the flags every child JVM gets, as the launcher gives {@code serve}
 * @param workDir where logs and data folders go
 */
public record Launcher(Path java, String classPath, List<String> jvmFlags, Path workDir, AtomicInteger sequence) {

    public Launcher {
        jvmFlags = List.copyOf(jvmFlags);
    }

    public static Launcher of(List<String> jvmFlags, Path workDir) {
        return new Launcher(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"),
                jvmFlags,
                workDir,
                new AtomicInteger());
    }

    /** {@code ./music-sync <arguments>} with these settings and extra JVM flags (e.g. {@code -Xmx512m}). */
    public ChildProcess musicSync(
            String name, Map<String, String> environment, List<String> extraFlags, String... arguments)
            throws IOException {
        return start(name, environment, extraFlags, "io.musicsync.cli.Main", arguments);
    }

    /** The bare Javalin app with the same two routes, on the same flags. */
    public ChildProcess bareApp(int port, List<String> extraFlags) throws IOException {
        return start("bare", Map.of(), extraFlags, BareApp.class.getName(), Integer.toString(port));
    }

    /** A folder for one process's data, unique within the run. */
    public Path dataDir(String name) {
        return workDir.resolve("data").resolve(sequence.incrementAndGet() + "-" + name);
    }

    private ChildProcess start(
            String name, Map<String, String> environment, List<String> extraFlags, String main, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(List.of(arguments));
        Path log = workDir.resolve("logs").resolve(sequence.incrementAndGet() + "-" + name + ".log");
        return ChildProcess.start(name, command, environment, log);
    }

    /** A loopback port free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
