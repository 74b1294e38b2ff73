package io.musicsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code match-eval} and {@code search-eval} on the labelled data, when it is there (it is not part of the
 * repository: the bench takes its folder as an option and says "skipped" without it).
 */
public final class MatchingSection {

    private static final Pattern LOG_LINE =
            Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ +(TRACE|DEBUG|INFO|WARN|ERROR) ");

    private final BenchContext context;
    private final Path data;

    public MatchingSection(BenchContext context, Path data) {
        this.context = context;
        this.data = data;
    }

    public String run() throws IOException, InterruptedException {
        Path cases = data.resolve("match-dev.jsonl");
        Path catalog = data.resolve("catalog.jsonl");
        if (!Files.isRegularFile(cases) || !Files.isRegularFile(catalog)) {
            return "Skipped: no labelled data at `" + data + "` (`match-dev.jsonl` and `catalog.jsonl`; pass"
                    + " `--data DIR`). The hand-written matching sections above hold the last figures.\n";
        }
        context.say("matching: match-eval and search-eval");
        StringBuilder out = new StringBuilder();
        out.append("`./music-sync match-eval ").append(cases).append("`:\n\n```\n");
        out.append(evaluate("match-eval", cases.toString()).strip()).append("\n```\n\n");
        out.append("`./music-sync search-eval ")
                .append(catalog)
                .append(' ')
                .append(cases)
                .append("`:\n\n```\n");
        out.append(evaluate("search-eval", catalog.toString(), cases.toString()).strip())
                .append("\n```\n");
        return out.toString();
    }

    private String evaluate(String... command) throws IOException, InterruptedException {
        try (ChildProcess eval = context.launcher().musicSync(command[0], Map.of(), List.of("-Xmx1g"), command)) {
            int exit = eval.waitFor(Duration.ofMinutes(5));
            String output = eval.output();
            if (exit != 0) {
                throw new IllegalStateException(command[0] + " exited with " + exit + ":\n" + output);
            }
            // The summary; the per-case lines of the worst mistakes follow it and stay out of the document.
            int mistakes = output.indexOf("\nworst");
            String summary = mistakes > 0 ? output.substring(0, mistakes) : output;
            // Log lines (e.g. the simulator's token refresh) are not figures.
            return summary.lines()
                    .filter(line -> !LOG_LINE.matcher(line).find())
                    .collect(Collectors.joining("\n"));
        }
    }
}
