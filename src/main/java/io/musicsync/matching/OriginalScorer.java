package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.songtext.IndelRatio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The original system's scoring, kept as a baseline: title 0.5, artist 0.35, album 0.15 on the normalised Indel
 * ratio of lower-cased text; equal ISRCs score 1.0; the threshold is inclusive. By default with the two fixes of
 * "Matching v1": every artist of the track is compared (the best counts), and without a requested album title and
 * artist are re-weighted to 1.0. {@link #unfixed()} is the original as it was, for evaluation only.
 */
public final class OriginalScorer implements Matcher {

    private static final double TITLE_WEIGHT = 0.5;
    private static final double ARTIST_WEIGHT = 0.35;
    private static final double ALBUM_WEIGHT = 0.15;
    /** Below this nothing is worth asking the AI about. */
    private static final double PLAUSIBLE = 0.5;

    private final boolean fixed;

    private OriginalScorer(boolean fixed) {
        this.fixed = fixed;
    }

    /** Matching v1: the original with both fixes. */
    public static OriginalScorer fixed() {
        return new OriginalScorer(true);
    }

    /** The original exactly: primary artist only, album weight lost when the request has no album. */
    public static OriginalScorer unfixed() {
        return new OriginalScorer(false);
    }

    @Override
    public MatchDecision decide(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        if (candidates.isEmpty()) {
            return new MatchDecision(MatchOutcome.NONE, null, "none", List.of(), List.of("no candidates"));
        }
        List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
        for (CatalogTrack track : candidates) {
            scored.add(score(song, track));
        }
        scored.sort(Comparator.comparingDouble(ScoredCandidate::score).reversed());
        List<ScoredCandidate> ranked = scored.subList(0, Math.min(MatchDecision.MAX_RANKED, scored.size()));
        ScoredCandidate best = scored.get(0);
        String summary = String.format(
                Locale.ROOT, "best candidate %s scores %.2f (threshold %.2f)", best.track(), best.score(), threshold);
        if (best.score() >= threshold) {
            String method = best.signals().containsKey("isrc") ? "isrc" : "fuzzy";
            return new MatchDecision(MatchOutcome.ADD, best, method, ranked, List.of(summary));
        }
        MatchOutcome outcome = best.score() < PLAUSIBLE ? MatchOutcome.NONE : MatchOutcome.UNCERTAIN;
        return new MatchDecision(outcome, null, "none", ranked, List.of(summary));
    }

    ScoredCandidate score(SongQuery song, CatalogTrack track) {
        Map<String, Double> signals = new LinkedHashMap<>();
        if (song.isrc() != null && !song.isrc().isBlank() && song.isrc().equalsIgnoreCase(track.isrc())) {
            signals.put("isrc", 1.0);
            return new ScoredCandidate(track, 1.0, signals, List.of("ISRC equal"));
        }
        double title = IndelRatio.of(simple(song.title()), simple(track.name()));
        double artist = artistSimilarity(song.artist(), track);
        boolean hasAlbum = song.album() != null && !song.album().isBlank();
        double album = hasAlbum ? IndelRatio.of(simple(song.album()), simple(track.album())) : 0.0;
        signals.put("title", title);
        signals.put("artist", artist);
        double score;
        if (hasAlbum) {
            signals.put("album", album);
            score = TITLE_WEIGHT * title + ARTIST_WEIGHT * artist + ALBUM_WEIGHT * album;
        } else if (fixed) {
            score = (TITLE_WEIGHT * title + ARTIST_WEIGHT * artist) / (TITLE_WEIGHT + ARTIST_WEIGHT);
        } else {
            score = TITLE_WEIGHT * title + ARTIST_WEIGHT * artist;
        }
        return new ScoredCandidate(track, score, signals, List.of());
    }

    private double artistSimilarity(String requested, CatalogTrack track) {
        String wanted = simple(requested);
        if (!fixed) {
            return IndelRatio.of(wanted, simple(track.primaryArtist()));
        }
        double best = 0;
        for (String artist : track.artists()) {
            best = Math.max(best, IndelRatio.of(wanted, simple(artist)));
        }
        return best;
    }

    private static String simple(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).trim();
    }
}
