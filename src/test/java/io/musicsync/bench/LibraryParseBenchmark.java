package io.musicsync.bench;

import io.musicsync.library.Library;
import io.musicsync.library.LibraryEntry;
import io.musicsync.library.LibraryReader;
import io.musicsync.library.LibraryXml;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a generated Library.xml of N tracks (unless the file exists) and parses it once, printing the counts, the
 * time and the heap the parsed library keeps. Run it with {@code -Xmx256m} to show a large library fits (docs/benchmarks.md);
 * {@code LargeLibraryParseTest} does so on every build.
 */
public final class LibraryParseBenchmark {

    private LibraryParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("library-", ".xml");
        boolean generated = args.length < 2 || !Files.exists(file);
        if (generated) {
            LibraryXml.write(file, tracks);
        }
        long size = Files.size(file);
        long start = System.nanoTime();
        Library library = new LibraryReader().read(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        // What the parsed library itself keeps: the heap in use after a full collection, the library still held.
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long songs = library.songCount();
        long skipped = library.entries().stream()
                .filter(LibraryEntry.Skipped.class::isInstance)
                .count();
        System.out.printf(
                Locale.ROOT,
                "file %.1f MB, entries %d, songs %d, skipped %d, problems %d, playlist items %d;"
                        + " parsed in %.2f s; heap in use after parsing %.0f MB of max %.0f MB%n",
                size / 1e6,
                library.entries().size(),
                songs,
                skipped,
                library.problems().size(),
                library.playlists().values().stream()
                        .mapToInt(java.util.List::size)
                        .sum(),
                seconds,
                retained / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        if (generated && args.length < 2) {
            Files.delete(file);
        }
    }
}
