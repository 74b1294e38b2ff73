package io.musicsync.eval;

import io.musicsync.matching.Matcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a matcher over labelled cases, exactly as the pipeline calls it (AI off), and judges each decision. */
public final class MatchEvaluation {

    private final Matcher matcher;
    private final double threshold;

    public MatchEvaluation(Matcher matcher, double threshold) {
        this.matcher = matcher;
        this.threshold = threshold;
    }

    public List<CaseResult> run(List<MatchCase> cases) {
        List<CaseResult> results = new ArrayList<>(cases.size());
        for (MatchCase matchCase : cases) {
            results.add(
                    CaseResult.judge(matchCase, matcher.decide(matchCase.song(), matchCase.candidates(), threshold)));
        }
        return results;
    }

    /** Results at even (0) or odd (1) positions: two halves to check that rules generalise. */
    public static List<CaseResult> half(List<CaseResult> results, int parity) {
        List<CaseResult> half = new ArrayList<>();
        for (int i = parity; i < results.size(); i += 2) {
            half.add(results.get(i));
        }
        return half;
    }

    /** Wrong adds first (most confident first), then misses (closest first), at most {@code limit}. */
    public static List<CaseResult> worstMistakes(List<CaseResult> results, int limit) {
        Comparator<CaseResult> byConfidence =
                Comparator.comparingDouble(CaseResult::confidence).reversed();
        List<CaseResult> mistakes = new ArrayList<>();
        results.stream()
                .filter(r -> r.verdict() == CaseResult.Verdict.WRONG_ADD)
                .sorted(byConfidence)
                .forEach(mistakes::add);
        results.stream()
                .filter(r -> r.verdict() == CaseResult.Verdict.MISSED)
                .sorted(byConfidence)
                .forEach(mistakes::add);
        return mistakes.subList(0, Math.min(limit, mistakes.size()));
    }
}
