package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.songtext.TitleParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline's matcher: adds only a candidate that is confidently the requested recording. Every candidate is
 * scored by {@link CandidateScorer}; the best one is added when it reaches the threshold and nothing marks it as
 * another recording. Otherwise the decision is UNCERTAIN (the AI may choose among the ranked candidates) or NONE.
 * Pure and thread-safe.
 */
public final class PrecisionMatcher implements Matcher {

    /** Below this the best candidate is not even worth showing to the AI. */
    static final double PLAUSIBLE = 0.5;
    /** An explicit twin this close to a clean best candidate is preferred when the request does not say. */
    private static final double TWIN_MARGIN = 0.05;
    /** Two candidates this far apart in length are different recordings. */
    private static final int DIFFERENT_RECORDING_MS = 10_000;

    private static final double SAME_ALBUM = 0.9;

    private final TitleParser parser = new TitleParser();
    private final CandidateScorer scorer = new CandidateScorer(parser);

    @Override
    public MatchDecision decide(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        if (candidates.isEmpty()) {
            return new MatchDecision(MatchOutcome.NONE, null, "none", List.of(), List.of("no candidates"));
        }
        SongProfile profile = SongProfile.of(song, parser);
        List<CandidateScorer.Assessment> assessed = new ArrayList<>(candidates.size());
        for (CatalogTrack track : candidates) {
            assessed.add(scorer.assess(profile, track));
        }
        // On equal scores the plainer title first: "Song" before "Song - Remastered 2011".
        assessed.sort(Comparator.comparingDouble(
                        (CandidateScorer.Assessment a) -> a.scored().score())
                .reversed()
                .thenComparingInt(a -> a.title().tags().size()));
        if (profile.explicit() == null) {
            preferExplicitTwin(assessed);
        }
        List<ScoredCandidate> ranked = assessed.stream()
                .limit(MatchDecision.MAX_RANKED)
                .map(CandidateScorer.Assessment::scored)
                .toList();
        CandidateScorer.Assessment best = assessed.get(0);
        double score = best.scored().score();
        List<String> reasons = new ArrayList<>(best.scored().notes());
        CandidateScorer.Assessment rival = best.addable() && score >= threshold ? rival(assessed, threshold) : null;
        if (rival != null) {
            reasons.add(
                    0,
                    "ambiguous: " + best.scored().track() + " and "
                            + rival.scored().track()
                            + " both match but are different recordings (durations differ by more than 10 s)");
            return new MatchDecision(MatchOutcome.UNCERTAIN, null, "none", ranked, reasons);
        }
        if (best.addable() && score >= threshold) {
            String method = best.scored().signals().getOrDefault("isrc", 0.0) >= 1.0 ? "isrc" : "fuzzy";
            reasons.add(
                    0,
                    String.format(
                            Locale.ROOT,
                            "best candidate %s scores %.2f >= %.2f",
                            best.scored().track(),
                            score,
                            threshold));
            return new MatchDecision(MatchOutcome.ADD, best.scored(), method, ranked, reasons);
        }
        if (score < PLAUSIBLE) {
            reasons.add(0, String.format(Locale.ROOT, "no plausible candidate (best %.2f)", score));
            return new MatchDecision(MatchOutcome.NONE, null, "none", ranked, reasons);
        }
        reasons.add(
                0,
                best.addable()
                        ? String.format(
                                Locale.ROOT,
                                "best candidate %s scores %.2f < %.2f",
                                best.scored().track(),
                                score,
                                threshold)
                        : "best candidate " + best.scored().track() + " may be another recording");
        return new MatchDecision(MatchOutcome.UNCERTAIN, null, "none", ranked, reasons);
    }

    /**
     * Another addable candidate over the threshold whose length shows it is a different recording from the best one
     * (e.g. a re-recording without a tag, when the request gives no duration): then the request cannot tell which.
     */
    private static CandidateScorer.Assessment rival(List<CandidateScorer.Assessment> ranked, double threshold) {
        ScoredCandidate best = ranked.get(0).scored();
        int bestDuration = best.track().durationMs();
        for (int i = 1; i < ranked.size(); i++) {
            CandidateScorer.Assessment other = ranked.get(i);
            if (other.scored().score() < threshold) {
                return null;
            }
            // The requested album settles it when only the best candidate is on it.
            boolean albumDecides = albumAgrees(best) && !albumAgrees(other.scored());
            int duration = other.scored().track().durationMs();
            if (other.addable()
                    && !albumDecides
                    && bestDuration > 0
                    && duration > 0
                    && Math.abs(duration - bestDuration) > DIFFERENT_RECORDING_MS) {
                return other;
            }
        }
        return null;
    }

    private static boolean albumAgrees(ScoredCandidate candidate) {
        return candidate.signals().getOrDefault("album", 0.0) >= SAME_ALBUM;
    }

    /**
     * When the request does not say whether it is explicit, the explicit original beats its clean twin (same title,
     * same tags, nearly the same score): the clean edit is the version people did not ask for.
     */
    private static void preferExplicitTwin(List<CandidateScorer.Assessment> ranked) {
        CandidateScorer.Assessment best = ranked.get(0);
        if (best.scored().track().explicit()) {
            return;
        }
        for (int i = 1; i < ranked.size(); i++) {
            CandidateScorer.Assessment other = ranked.get(i);
            if (best.scored().score() - other.scored().score() > TWIN_MARGIN) {
                return;
            }
            if (other.scored().track().explicit()
                    && other.addable() == best.addable()
                    && other.title().core().equals(best.title().core())
                    && other.title().recordingTags().equals(best.title().recordingTags())) {
                ranked.remove(i);
                ranked.add(0, other);
                return;
            }
        }
    }
}
