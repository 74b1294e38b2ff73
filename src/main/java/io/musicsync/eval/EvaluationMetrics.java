package io.musicsync.eval;

import io.musicsync.domain.MatchOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Figures over a set of case results.
 *
 * @param present labelled cases whose right track is among the candidates
 * @param absent labelled cases where nothing should be added
 * @param wrongAddsOnAbsent adds in absent cases (all of them wrong)
 */
public record EvaluationMetrics(
        int cases,
        int adds,
        int correctAdds,
        int wrongAdds,
        int present,
        int absent,
        int wrongAddsOnAbsent,
        Map<MatchOutcome, Integer> byOutcome) {

    public EvaluationMetrics {
        byOutcome = Map.copyOf(byOutcome);
    }

    public static EvaluationMetrics of(List<CaseResult> results) {
        int adds = 0;
        int correct = 0;
        int wrong = 0;
        int present = 0;
        int absent = 0;
        int wrongOnAbsent = 0;
        Map<MatchOutcome, Integer> outcomes = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : MatchOutcome.values()) {
            outcomes.put(outcome, 0);
        }
        for (CaseResult result : results) {
            outcomes.merge(result.decision().outcome(), 1, Integer::sum);
            MatchCase matchCase = result.matchCase();
            if (!matchCase.labelled()) {
                continue;
            }
            boolean added = result.decision().outcome() == MatchOutcome.ADD;
            if (matchCase.present()) {
                present++;
            } else {
                absent++;
            }
            if (added) {
                adds++;
                if (result.verdict() == CaseResult.Verdict.CORRECT_ADD) {
                    correct++;
                } else {
                    wrong++;
                    if (!matchCase.present()) {
                        wrongOnAbsent++;
                    }
                }
            }
        }
        return new EvaluationMetrics(results.size(), adds, correct, wrong, present, absent, wrongOnAbsent, outcomes);
    }

    /** Share of adds that were acceptable; 1.0 when nothing was added. */
    public double precision() {
        return adds == 0 ? 1.0 : (double) correctAdds / adds;
    }

    /** Share of present cases where an acceptable track was added. */
    public double recall() {
        return present == 0 ? 0.0 : (double) correctAdds / present;
    }

    /** Share of absent cases where something was added anyway. */
    public double wrongAddRateOnAbsent() {
        return absent == 0 ? 0.0 : (double) wrongAddsOnAbsent / absent;
    }
}
