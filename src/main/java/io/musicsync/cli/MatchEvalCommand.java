package io.musicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicsync.config.Settings;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.eval.CaseResult;
import io.musicsync.eval.EvaluationMetrics;
import io.musicsync.eval.MatchCase;
import io.musicsync.eval.MatchCaseReader;
import io.musicsync.eval.MatchEvaluation;
import io.musicsync.matching.MatcherKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code match-eval FILE}: runs the pipeline's matcher (AI off) over labelled cases and reports the figures. */
@Command(
        name = "match-eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate the matcher on labelled cases (one JSON object a line).")
public final class MatchEvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "cases, one JSON object a line")
    private Path file;

    @Option(names = "--json", description = "one JSON line a case instead of the summary")
    private boolean json;

    @Option(
            names = "--matcher",
            defaultValue = "precision",
            converter = KindConverter.class,
            description = "precision (default, the pipeline's), original (Matching v1) or original-unfixed")
    private MatcherKind matcher;

    @Option(
            names = "--threshold",
            description = "score at or above which a candidate may be added (default: FUZZY_MATCH_THRESHOLD, 0.85)")
    private Double threshold;

    @Option(names = "--mistakes", defaultValue = "10", description = "how many of the worst mistakes to list")
    private int mistakes;

    static final class KindConverter implements ITypeConverter<MatcherKind> {
        @Override
        public MatcherKind convert(String value) {
            return MatcherKind.fromName(value);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threshold == null) {
            threshold = Settings.fromEnvironment().matching().fuzzyMatchThreshold();
        }
        if (threshold < 0 || threshold > 1) {
            err.println("--threshold must be between 0 and 1");
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        List<MatchCase> cases;
        try {
            cases = new MatchCaseReader(mapper).read(file);
        } catch (IOException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        List<CaseResult> results = new MatchEvaluation(matcher.create(), threshold).run(cases);
        if (json) {
            for (CaseResult result : results) {
                out.println(jsonLine(mapper, result));
            }
        } else {
            printSummary(out, results);
        }
        out.flush();
        return 0;
    }

    private static String jsonLine(ObjectMapper mapper, CaseResult result) {
        ObjectNode line = mapper.createObjectNode();
        line.put("id", result.matchCase().id());
        line.put("outcome", result.decision().outcome().name().toLowerCase(Locale.ROOT));
        line.put("uri", result.addedUri());
        line.put("confidence", Math.round(result.confidence() * 10_000) / 10_000.0);
        return line.toString();
    }

    private void printSummary(PrintWriter out, List<CaseResult> results) {
        out.printf(Locale.ROOT, "matcher %s, threshold %.2f, %s%n", matcher.cliName(), threshold, file);
        printMetrics(out, "all", EvaluationMetrics.of(results));
        printMetrics(out, "even half", EvaluationMetrics.of(MatchEvaluation.half(results, 0)));
        printMetrics(out, "odd half", EvaluationMetrics.of(MatchEvaluation.half(results, 1)));
        List<CaseResult> worst = MatchEvaluation.worstMistakes(results, mistakes);
        if (!worst.isEmpty()) {
            out.println("worst mistakes:");
        }
        for (CaseResult mistake : worst) {
            printMistake(out, mistake);
        }
    }

    private static void printMetrics(PrintWriter out, String label, EvaluationMetrics m) {
        out.printf(
                Locale.ROOT,
                "%-9s cases %d: precision of adds %.1f%% (%d/%d), recall %.1f%% (%d/%d), "
                        + "wrong adds on absent %.1f%% (%d/%d); add %d, uncertain %d, none %d%n",
                label,
                m.cases(),
                100 * m.precision(),
                m.correctAdds(),
                m.adds(),
                100 * m.recall(),
                m.correctAdds(),
                m.present(),
                100 * m.wrongAddRateOnAbsent(),
                m.wrongAddsOnAbsent(),
                m.absent(),
                m.byOutcome().get(MatchOutcome.ADD),
                m.byOutcome().get(MatchOutcome.UNCERTAIN),
                m.byOutcome().get(MatchOutcome.NONE));
    }

    private static void printMistake(PrintWriter out, CaseResult mistake) {
        MatchCase c = mistake.matchCase();
        String what = mistake.verdict() == CaseResult.Verdict.WRONG_ADD ? "WRONG ADD" : "MISSED";
        out.printf(
                Locale.ROOT,
                "  %s %s: %s -> %s%n",
                what,
                c.id(),
                c.song(),
                mistake.verdict() == CaseResult.Verdict.WRONG_ADD
                        ? mistake.decision().chosen().track()
                        : mistake.decision().outcome().name().toLowerCase(Locale.ROOT));
        for (ScoredCandidate candidate :
                mistake.decision().ranked().stream().limit(3).toList()) {
            String notes = String.join("; ", candidate.notes());
            out.printf(
                    Locale.ROOT,
                    "      %.3f %s%s%s%n",
                    candidate.score(),
                    candidate.track(),
                    c.expected().contains(candidate.track().uri()) ? " (expected)" : "",
                    notes.isEmpty() ? "" : " " + notes);
        }
    }
}
