package io.musicsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.bench.LibraryParseBenchmark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50,000-track Library.xml (about 100 MB) parses in a JVM whose heap may not grow past 256 MB. */
class LargeLibraryParseTest {

    @TempDir
    Path dir;

    @Test
    void fiftyThousandTracksParseWithin256MbOfHeap() throws Exception {
        Path library = dir.resolve("Library.xml");
        LibraryXml.write(library, 50_000);
        assertThat(Files.size(library)).isGreaterThan(95_000_000L);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LibraryParseBenchmark.class.getName(),
                "50000",
                library.toString()));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        // Every 50th track is a music video, every 70th a podcast (every 350th both): 50,000 - 1,000 - 714 + 142.
        assertThat(printed)
                .contains("entries 50000, songs 48428, skipped 1572, problems 0, playlist items 5000;")
                .contains("of max 268 MB");
    }
}
