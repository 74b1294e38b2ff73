package io.musicsync.bench;

import static io.musicsync.bench.MarkdownTable.megabytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One bench run: every section in turn, each with its own processes, into one Markdown part. A section that fails
 * is reported as failed in the document and makes the run fail; the others still run.
 */
public final class BenchRunner {

    /** The generated Markdown and whether every section succeeded. */
    public record Report(String markdown, List<String> failures) {}

    private interface Section {
        String run() throws IOException, InterruptedException;
    }

    private record Named(String key, String title, String intro, Section section) {}

    private final BenchContext context;
    private final Path data;
    private final String command;
    private final Set<String> only;

    /** @param only the keys of the sections to run (latency, inflight, throughput, calls, matching); empty: all */
    public BenchRunner(BenchContext context, Path data, String command, Set<String> only) {
        this.context = context;
        this.data = data;
        this.command = command;
        this.only = Set.copyOf(only);
    }

    /** The section keys {@code --only} accepts. */
    public static final Set<String> SECTIONS = Set.of("latency", "inflight", "throughput", "calls", "matching");

    public Report run() {
        Instant began = Instant.now();
        String loadBefore = MachineInfo.loadAverage();
        String commit = commit(); // at the start: the code measured, even if a commit lands during the run
        LatencySection latency = new LatencySection(context);
        LoadSection load = new LoadSection(context);
        List<Named> sections = new ArrayList<>(List.of(
                new Named(
                        "latency",
                        "Request latency",
                        "Closed-loop load from the bench's own JVM (one HTTP/1.1 connection per client, the next"
                                + " request as soon as the last is answered), "
                                + context.plan().warmUp().toSeconds()
                                + " s warm-up then " + context.plan().measured().toSeconds()
                                + " s measured per run; then a paced"
                                + " run: 16 clients together send a fixed "
                                + (int) context.plan().pacedStarts()
                                + " starts/s, then " + (int) context.plan().pacedStatuses() + " statuses/s, each"
                                + " latency counted from when its request was due (a stall counts for every request"
                                + " it delays, as with wrk2): closed loop finds the service's capacity and the latency"
                                + " at it, paced is what a client sees at a load the service carries."
                                + " Start: `POST /api/v1/sync` of a new song each time (one the catalog lacks: each"
                                + " start runs a real sync, which searches and ends \"no match\"). Status: `GET"
                                + " /api/v1/sync/{id}` of 64 finished syncs in turn. Between the start and the status"
                                + " run the syncs the start load began are left to finish. The bare app is a Javalin"
                                + " app with the same two routes that does nothing (`io.musicsync.bench.BareApp`),"
                                + " on the same JVM flags, running through the whole section: each load runs on it"
                                + " right before the same load on the service, so that each ratio compares runs"
                                + " seconds apart on a shared machine. Simulator latency 0.",
                        latency::run),
                new Named(
                        "inflight",
                        "Syncs in flight",
                        "The simulator answers every call after 1 s. All syncs are submitted at once (32 clients),"
                                + " each a different song of the catalog, 100 per playlist, and followed until each"
                                + " has ended. Standalone: `MAX_CONCURRENT_WORKFLOWS=10000` so that all run at once;"
                                + " \"peak running\" is the highest `running_syncs` of `/api/v1/health` sampled every"
                                + " 100 ms. Temporal: one worker with `MAX_CONCURRENT_WORKFLOWS` and"
                                + " `MAX_CONCURRENT_ACTIVITIES` set to the batch size.",
                        load::inFlight),
                new Named(
                        "throughput",
                        "Throughput",
                        "The simulator answers every call after 50 ms. All syncs submitted at once (32 clients),"
                                + " each a different song, 100 per playlist; the time is from the first submit until"
                                + " every sync has ended. Default concurrency settings.",
                        load::throughput),
                new Named(
                        "calls",
                        "Spotify calls per song",
                        "Counted by the simulator itself (its `/_sim/stats`), standalone with SQLite, the"
                                + " simulator's read-after-write lag at its default 1.5 s. The import case runs"
                                + " `./music-sync import LIST --playlist ID --no-progress` as its own process on an"
                                + " 'Artist - Title' list of new songs, into a playlist already holding the other"
                                + " songs (filled through the Web API before the count starts).",
                        new SpotifyCallsSection(context)::run)));
        if (context.plan().matching()) {
            sections.add(new Named("matching", "Matching and search", "", new MatchingSection(context, data)::run));
        }
        StringBuilder body = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Named named : sections) {
            if (!only.isEmpty() && !only.contains(named.key())) {
                continue;
            }
            long sectionBegan = System.nanoTime();
            body.append("### ").append(named.title()).append("\n\n");
            if (!named.intro().isEmpty()) {
                body.append(named.intro()).append("\n\n");
            }
            try {
                body.append(named.section().run());
            } catch (IOException | RuntimeException e) {
                failures.add(named.title() + ": " + e.getMessage());
                context.say("FAILED " + named.title() + ": " + e);
                body.append("**Failed**: ").append(firstLine(e.getMessage())).append('\n');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(named.title() + ": interrupted");
                break;
            }
            body.append(String.format(
                    Locale.ROOT,
                    "\n(%.0f s, load average %s after it)\n\n",
                    (System.nanoTime() - sectionBegan) / 1e9,
                    MachineInfo.loadAverage()));
        }
        body.append("### Start-up and memory\n\n")
                .append("Launch of the process to its first 200 from `/api/v1/health` (`worker`: to its \"worker"
                        + " polling\" line); resident memory (RSS) once ready and its highest (`VmHWM`) by the end of"
                        + " the runs named.\n\n")
                .append(startups())
                .append('\n');
        Duration took = Duration.between(began, Instant.now());
        String header = header(began, took, loadBefore, commit);
        return new Report(header + body, failures);
    }

    private String header(Instant began, Duration took, String loadBefore, String commit) {
        MachineInfo machine = MachineInfo.current();
        MarkdownTable table = new MarkdownTable("", "")
                .row("command", "`" + command + "`")
                .row("plan", context.plan().name())
                .row("date", began.truncatedTo(ChronoUnit.SECONDS))
                .row("commit", commit)
                .row("CPUs", machine.cores() + " (" + machine.cpu() + ")")
                .row("memory", megabytes(machine.memoryBytes()))
                .row("load average (1 min)", "at the start " + loadBefore + ", at the end " + MachineInfo.loadAverage())
                .row("Java", machine.java())
                .row(
                        "JVM flags of every process",
                        "`" + String.join(" ", context.launcher().jvmFlags()) + "`")
                .row("run time", LoadSection.seconds(took));
        return "## Service benchmarks (`./music-sync bench`)\n\n"
                + "Generated by the command below; everything between the bench markers is rewritten by each run."
                + " Every figure of one run comes from the same machine at the same time; compare ratios rather"
                + " than absolute times across machines.\n\n" + table.render() + "\n";
    }

    private String startups() {
        MarkdownTable table = new MarkdownTable("process", "launch to ready", "RSS when ready", "peak RSS", "during");
        for (BenchContext.Startup s : context.startups()) {
            table.row(
                    s.process(),
                    LoadSection.seconds(s.ready()),
                    megabytes(s.idleRss()),
                    megabytes(s.peakRss()),
                    s.peakDuring());
        }
        return table.isEmpty() ? "No process was started.\n" : table.render();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The commit the run measured, marked when the working tree has changes. */
    static String commit() {
        try {
            String head = git("rev-parse", "--short=12", "HEAD");
            String dirty = git("status", "--porcelain", "--untracked-files=no");
            return head.isEmpty() ? "unknown" : head + (dirty.isEmpty() ? "" : " (with uncommitted changes)");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.waitFor() == 0 ? output : "";
    }
}
