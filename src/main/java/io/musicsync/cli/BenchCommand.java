package io.musicsync.cli;

import io.musicsync.bench.BenchContext;
import io.musicsync.bench.BenchDocument;
import io.musicsync.bench.BenchHttp;
import io.musicsync.bench.BenchPlan;
import io.musicsync.bench.BenchRunner;
import io.musicsync.bench.Launcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./music-sync bench}: measures the service as a user runs it and writes the figures into a document. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the service: simulator, serve (both stores), temporal-dev and workers as separate processes,",
            "load from this process; writes Markdown tables between the bench markers of --out (docs/benchmarks.md)."
        })
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "small counts, one connection level, no Temporal (under 2 minutes)")
    boolean quick;

    @Option(
            names = "--out",
            defaultValue = "docs/benchmarks.md",
            description = "document to write the figures into (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--data",
            defaultValue = "../shared/data",
            description = "folder with match-dev.jsonl and catalog.jsonl for the matching figures (skipped without)")
    Path data;

    @Option(
            names = "--jvm-flags",
            description = "JVM flags of every process started (default: the launcher's MS_JVM_FLAGS)")
    String jvmFlags;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "SECTION",
            description = "run only these sections: latency, inflight, throughput, calls, matching (for profiling)")
    Set<String> only = Set.of();

    @Option(
            names = "--work-dir",
            defaultValue = "target/bench",
            description = "logs and data of the processes (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!BenchRunner.SECTIONS.containsAll(only)) {
            err.println("--only takes " + String.join(", ", new TreeSet<>(BenchRunner.SECTIONS)) + "; got " + only);
            return 2;
        }
        String flags = jvmFlags != null ? jvmFlags : System.getenv().getOrDefault("MS_JVM_FLAGS", "");
        List<String> flagList = Arrays.stream(flags.trim().split("\\s+"))
                .filter(f -> !f.isEmpty())
                .toList();
        Files.createDirectories(workDir);
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            BenchContext context = new BenchContext(
                    Launcher.of(flagList, workDir.toAbsolutePath()),
                    new BenchHttp(client),
                    quick ? BenchPlan.quick() : BenchPlan.full(),
                    err);
            String command = "./music-sync bench" + (quick ? " --quick" : "") + " --out " + out
                    + (data.equals(Path.of("../shared/data")) ? "" : " --data " + data)
                    + (jvmFlags != null ? " --jvm-flags '" + jvmFlags + "'" : "")
                    + (only.isEmpty() ? "" : " --only " + String.join(",", new TreeSet<>(only)));
            BenchRunner.Report report = new BenchRunner(context, data, command, only).run();
            String existing = Files.exists(out) ? Files.readString(out) : "";
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, BenchDocument.splice(existing, report.markdown()));
            err.println("bench: figures written to " + out + " (logs in " + workDir + ")");
            if (!report.failures().isEmpty()) {
                report.failures().forEach(f -> err.println("bench: FAILED " + f));
                return 1;
            }
            return 0;
        }
    }
}
