package io.musicsync.cli;

import io.musicsync.AppComponents;
import io.musicsync.config.Settings;
import io.musicsync.engine.SyncEngine;
import io.musicsync.importer.ImportReport;
import io.musicsync.importer.ImportSummary;
import io.musicsync.importer.JournaledImports;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.Imports;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.library.Library;
import io.musicsync.library.LibraryEntry;
import io.musicsync.library.LibraryReader;
import io.musicsync.library.UnsupportedFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE}: brings a whole library (Library.xml, CSV or an "Artist - Title" list) into a playlist, with
 * a live progress bar, a summary and a report of every entry; {@code --dry-run} matches everything, adds nothing.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Import a library (Music.app/iTunes Library.xml, CSV, or 'Artist - Title' lines) into a playlist.")
final class ImportCommand implements Callable<Integer> {

    /** How many songs of the file are listed under the summary for each outcome that needs a look. */
    private static final int LISTED = 10;

    /** How often the running import's counts are read for the bar. */
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(200);

    /** Why the import stopped as a whole, once it has; null when every row was tried. */
    private String stoppedBecause;

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "the library file (its format is read from its content)")
    Path file;

    static final class Target {
        @Option(
                names = "--playlist",
                paramLabel = "ID",
                description = "the playlist to fill (default DEFAULT_PLAYLIST_ID)")
        String playlistId;

        @Option(names = "--create", paramLabel = "NAME", description = "create a new private playlist to fill")
        String createName;
    }

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(
            names = "--apple-playlist",
            paramLabel = "NAME",
            description = "import only this Apple Music playlist of the file, in its order")
    String applePlaylist;

    @Option(names = "--dry-run", description = "match every song and say what would happen; add nothing")
    boolean dryRun;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "write the report of every entry to FILE (.csv or .json; may be given twice)")
    List<Path> reports = List.of();

    @Option(
            names = "--concurrency",
            defaultValue = "" + JournaledImports.DEFAULT_CONCURRENCY,
            description = "songs looked up at once (default ${DEFAULT-VALUE}: their adds share the writer's batches;"
                    + " Spotify's rate budget still applies)")
    int concurrency;

    @Option(names = "--no-progress", description = "no progress bar (e.g. when the output is a log)")
    boolean noProgress;

    private final Supplier<Settings> settings;
    private final Function<Settings, AppComponents> components;
    private final Supplier<ProgressBarConsumer> progressOutput;

    ImportCommand() {
        this(Settings::fromEnvironment, AppComponents::create, () -> new ConsoleProgressBarConsumer(System.err));
    }

    ImportCommand(
            Supplier<Settings> settings,
            Function<Settings, AppComponents> components,
            Supplier<ProgressBarConsumer> progressOutput) {
        this.settings = settings;
        this.components = components;
        this.progressOutput = progressOutput;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String refused = checkOptions();
        if (refused != null) {
            err.println(refused);
            return 2;
        }
        Library library;
        try {
            library = new LibraryReader().read(file);
        } catch (NoSuchFileException e) {
            err.println("cannot read " + file + ": no such file");
            return 2;
        } catch (UnsupportedFormatException e) {
            err.println(file + " cannot be imported: " + e.getMessage());
            return 2;
        }
        List<LibraryEntry> entries = selectEntries(library);
        if (entries == null) {
            err.println("no Apple Music playlist named \"" + applePlaylist + "\" in " + file + "; it has: "
                    + (library.playlists().isEmpty()
                            ? "none"
                            : String.join(", ", library.playlists().keySet())));
            return 2;
        }
        describeFile(out, library, entries);

        Settings current = settings.get();
        // Under the bar, a line per sync would scroll it away: at the default level only warnings show (every
        // song's outcome is in the summary and the report); LOG_LEVEL=debug or --no-progress show everything.
        boolean quiet = !noProgress && current.logLevel().equalsIgnoreCase("info");
        Logging.apply(current, quiet ? "warn" : current.logLevel());
        AppComponents app = components.apply(current);
        try {
            return importInto(app, library, entries, current, out, err);
        } finally {
            app.closeJournal();
        }
    }

    private int importInto(
            AppComponents app,
            Library library,
            List<LibraryEntry> entries,
            Settings current,
            PrintWriter out,
            PrintWriter err)
            throws IOException, InterruptedException {
        String playlistId = target.playlistId != null
                ? target.playlistId
                : current.spotify().defaultPlaylistId();
        if (target.createName != null) {
            playlistId = null;
            if (dryRun) {
                out.println("Dry run: would create the playlist \"" + target.createName + "\"");
            }
        }
        if (playlistId == null && target.createName == null && !dryRun) {
            err.println("name the playlist to fill: --playlist ID, --create NAME, or set DEFAULT_PLAYLIST_ID");
            return 2;
        }
        out.flush();
        ImportRequest request = new ImportRequest(
                ImportRequest.newId(),
                playlistId,
                dryRun ? null : target.createName,
                file.getFileName().toString(),
                library.format().wireName(),
                ImportRow.of(entries),
                library.problems(),
                dryRun);

        ImportSummary summary = run(app, request);
        if (target.createName != null && !dryRun && summary.playlistId() != null) {
            out.println("Created the playlist \"" + target.createName + "\": " + summary.playlistId());
        }
        ImportReport report = new ImportReport(
                file.getFileName().toString(), library.format().wireName(), library.problems(), summary);
        if (stoppedBecause != null) {
            // Spotify refused the whole import (unknown playlist, login expired…): nothing more was tried.
            err.println("import stopped: " + stoppedBecause);
        } else {
            printSummary(out, summary);
        }
        for (Path reportFile : reports) {
            if (reportFile.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                report.writeJson(reportFile);
            } else {
                report.writeCsv(reportFile);
            }
            out.println("Report: " + reportFile);
        }
        out.flush();
        return stoppedBecause != null || summary.counts().count(RowOutcome.FAILED) > 0 ? 1 : 0;
    }

    private String checkOptions() {
        if (target.playlistId != null
                && !Settings.PLAYLIST_ID.matcher(target.playlistId).matches()) {
            return "--playlist must be a Spotify playlist id (22 letters and digits), was '" + target.playlistId + "'";
        }
        if (target.createName != null && target.createName.isBlank()) {
            return "--create needs a playlist name";
        }
        if (concurrency < 1 || concurrency > 50) {
            return "--concurrency must be between 1 and 50, was " + concurrency;
        }
        for (Path report : reports) {
            String name = report.toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".csv") && !name.endsWith(".json")) {
                return "--report must name a .csv or .json file, was '" + report + "'";
            }
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "--report: the folder " + parent + " does not exist";
            }
        }
        return null;
    }

    /** The whole file, or one Apple Music playlist of it (null when the file has no playlist of that name). */
    private List<LibraryEntry> selectEntries(Library library) {
        return applePlaylist == null
                ? library.entries()
                : library.playlist(applePlaylist).orElse(null);
    }

    private void describeFile(PrintWriter out, Library library, List<LibraryEntry> entries) {
        long songs =
                entries.stream().filter(LibraryEntry.Song.class::isInstance).count();
        long skipped =
                entries.stream().filter(LibraryEntry.Skipped.class::isInstance).count();
        out.printf(
                Locale.ROOT,
                "%s: %s, %d entries%s: %d songs, %d skipped, %d unreadable%n",
                file.getFileName(),
                library.format().description(),
                entries.size(),
                applePlaylist == null ? "" : " in the Apple Music playlist \"" + applePlaylist + "\"",
                songs,
                skipped,
                entries.size() - songs - skipped);
        for (String problem : library.problems()) {
            out.println("  problem: " + problem);
        }
    }

    /**
     * Runs the import through the {@link io.musicsync.imports.Imports} interface (journaled in standalone mode: the
     * service resumes it after an interruption), following its counts for the bar, then reads every row back.
     */
    private ImportSummary run(AppComponents app, ImportRequest request) throws InterruptedException {
        ImportProgressBar bar =
                noProgress ? null : new ImportProgressBar(dryRun ? "dry run" : "import", progressOutput);
        long started = System.nanoTime();
        // A dry run adds nothing and starts no sync: it needs no engine (nor resumes the journal's syncs).
        try (SyncEngine engine = dryRun ? null : app.newEngine();
                JournaledImports imports = app.newImports(engine, concurrency)) {
            ImportStatus status = imports.start(request);
            if (bar != null) {
                bar.started(status.counts());
            }
            while (!status.state().isTerminal()) {
                Thread.sleep(FOLLOW_INTERVAL.toMillis());
                status = imports.status(request.importId(), 0, 0).orElseThrow();
                if (bar != null) {
                    bar.update(status.counts());
                }
            }
            stoppedBecause = status.state() == ImportState.FAILED ? status.error() : null;
            List<RowStatus> rows = new ArrayList<>();
            Integer cursor = 0;
            while (cursor != null) {
                ImportStatus page = imports.status(request.importId(), cursor, Imports.MAX_ROWS_PER_PAGE)
                        .orElseThrow();
                rows.addAll(page.rows());
                cursor = page.nextCursor();
            }
            return new ImportSummary(
                    request.dryRun(),
                    status.playlistId(),
                    rows,
                    status.counts(),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static void printSummary(PrintWriter out, ImportSummary summary) {
        out.printf(
                Locale.ROOT,
                "%s %d of %d entries in %.1f s: %s%n",
                summary.dryRun() ? "Dry run done:" : "Import done:",
                summary.counts().done(),
                summary.counts().total(),
                summary.elapsed().toMillis() / 1000.0,
                ImportProgressBar.countsLine(summary.counts(), summary.dryRun()));
        for (RowOutcome outcome : List.of(RowOutcome.NEEDS_REVIEW, RowOutcome.NOT_FOUND, RowOutcome.FAILED)) {
            List<RowStatus> rows = summary.rows().stream()
                    .filter(r -> r.resolution().outcome() == outcome)
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            out.println(outcome.wireName().replace('_', ' ') + ":");
            rows.stream()
                    .limit(LISTED)
                    .forEach(r -> out.println(
                            "  " + r.row().source() + ": " + r.resolution().message()));
            if (rows.size() > LISTED) {
                out.println("  … and " + (rows.size() - LISTED) + " more (see --report)");
            }
        }
    }
}
