package io.musicsync.eval;

import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;

/** A case, the matcher's decision on it, and how that decision compares with the label. */
public record CaseResult(MatchCase matchCase, MatchDecision decision, Verdict verdict) {

    public enum Verdict {
        /** Added an acceptable track. */
        CORRECT_ADD,
        /** Added a track that is not acceptable (also: anything added when nothing should be). */
        WRONG_ADD,
        /** The right track was present, nothing was added. */
        MISSED,
        /** Nothing should be added and nothing was. */
        CORRECT_NOTHING,
        /** The case has no label. */
        UNLABELLED
    }

    static CaseResult judge(MatchCase matchCase, MatchDecision decision) {
        boolean added = decision.outcome() == MatchOutcome.ADD;
        Verdict verdict;
        if (!matchCase.labelled()) {
            verdict = Verdict.UNLABELLED;
        } else if (added) {
            verdict = matchCase.expected().contains(decision.chosen().track().uri())
                    ? Verdict.CORRECT_ADD
                    : Verdict.WRONG_ADD;
        } else {
            verdict = matchCase.present() ? Verdict.MISSED : Verdict.CORRECT_NOTHING;
        }
        return new CaseResult(matchCase, decision, verdict);
    }

    /** The added track's URI, or null. */
    public String addedUri() {
        return decision.outcome() == MatchOutcome.ADD
                ? decision.chosen().track().uri()
                : null;
    }

    /** The best candidate's score: the confidence of an add, or how close the matcher came. */
    public double confidence() {
        return decision.bestScore();
    }
}
