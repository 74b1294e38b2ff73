package io.musicsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the figures were measured on, read from /proc where the system has it. */
public record MachineInfo(int cores, String cpu, long memoryBytes, String java) {

    public static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                field(Path.of("/proc/meminfo"), "MemTotal")
                        .map(value -> ChildProcess.kilobytes(value) * 1024)
                        .orElse(-1L),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1-minute load average now, or "n/a". */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The value after "key:" on the first line that starts with key. */
    static Optional<String> field(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
