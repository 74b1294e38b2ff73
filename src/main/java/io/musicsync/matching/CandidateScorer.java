package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.songtext.IndelRatio;
import io.musicsync.songtext.ParsedTitle;
import io.musicsync.songtext.TextNormalizer;
import io.musicsync.songtext.TitleParser;
import io.musicsync.songtext.VersionTag;
import java.util.List;
import java.util.Locale;

/**
 * Scores one Spotify track against a parsed request: a weighted mean of the signals the request allows (title,
 * artists, album, duration), lifted by an equal ISRC and cut by evidence of another recording. Also says whether the
 * candidate may be added at all: another recording (version tags, duration, another primary artist, the wrong
 * explicit flag, other featured artists) never may, whatever its score. Stateless.
 */
final class CandidateScorer {

    private static final double TITLE_WEIGHT = 0.45;
    private static final double ARTIST_WEIGHT = 0.30;
    private static final double ALBUM_WEIGHT = 0.10;
    private static final double DURATION_WEIGHT = 0.15;
    /** Within this, durations agree fully; beyond {@link #DURATION_AGAINST_MS} they say "another recording". */
    private static final int DURATION_CLOSE_MS = 3_000;

    private static final int DURATION_AGAINST_MS = 10_000;
    /**
     * Confirms, with the album, a title or artist written in another script. Tight: one artist's songs often lie
     * within a second or two of each other, while one recording on two releases rarely differs by more than a few
     * hundred ms.
     */
    private static final int DURATION_CONFIRMS_MS = 1_000;
    /** Albums at least this alike count as the same release. */
    private static final double SAME_ALBUM = 0.9;
    /** Titles less alike than this are other songs ("Love Me" vs "Love Me Do"), whatever the other signals say. */
    private static final double MIN_TITLE_TO_ADD = 0.9;

    private static final double TITLE_AGREES = 0.95;
    /** Score factors for evidence against, so that such candidates also rank lower for the AI. */
    private static final double TAGS_DIFFER = 0.5;

    private static final double OTHER_ARTIST = 0.6;
    private static final double DURATION_FAR_OFF = 0.6;
    private static final double EXPLICIT_DIFFERS = 0.8;

    private final TitleParser parser;

    CandidateScorer(TitleParser parser) {
        this.parser = parser;
    }

    /** The scored candidate, whether it may be added, and its parsed title (to recognise twins). */
    record Assessment(ScoredCandidate scored, boolean addable, ParsedTitle title) {}

    Assessment assess(SongProfile song, CatalogTrack track) {
        return new Comparison(song, TrackProfile.of(track, parser)).assess();
    }

    /** One request against one candidate; lives for a single call. */
    private static final class Comparison {
        private final SongProfile song;
        private final TrackProfile candidate;
        private final CatalogTrack track;
        private final Evidence evidence = new Evidence();
        private final boolean isrcEqual;
        /** Absolute difference in ms, or -1 when either duration is unknown. */
        private final long durationDiff;

        private final boolean sameAlbum;
        private double factor = 1.0;

        Comparison(SongProfile song, TrackProfile candidate) {
            this.song = song;
            this.candidate = candidate;
            this.track = candidate.track();
            this.isrcEqual = song.isrc() != null && song.isrc().equals(track.isrc());
            this.durationDiff = song.durationMs() != null && track.durationMs() > 0
                    ? Math.abs((long) song.durationMs() - track.durationMs())
                    : -1;
            this.sameAlbum = song.album() != null
                    && IndelRatio.of(song.album().core(), candidate.album().core()) >= SAME_ALBUM;
        }

        Assessment assess() {
            isrc();
            double weighted = TITLE_WEIGHT * title() + ARTIST_WEIGHT * artists();
            double weights = TITLE_WEIGHT + ARTIST_WEIGHT;
            if (song.album() != null) {
                weighted += ALBUM_WEIGHT * album();
                weights += ALBUM_WEIGHT;
            }
            if (durationDiff >= 0) {
                weighted += DURATION_WEIGHT * duration();
                weights += DURATION_WEIGHT;
            }
            versions();
            explicit();
            double score = weighted / weights;
            if (isrcEqual) {
                score = 0.5 + score / 2;
            }
            score = Math.round(score * factor * 10_000) / 10_000.0;
            return new Assessment(
                    new ScoredCandidate(track, score, evidence.signals(), evidence.notes()),
                    evidence.addable(),
                    candidate.title());
        }

        private void isrc() {
            if (song.isrc() != null && track.isrc() != null) {
                evidence.signal("isrc", isrcEqual ? 1.0 : 0.0);
                if (isrcEqual) {
                    evidence.agrees("ISRC equal");
                }
            }
        }

        private boolean durationClose() {
            return isrcEqual || (durationDiff >= 0 && durationDiff <= DURATION_CLOSE_MS);
        }

        /**
         * A title or artist in another script cannot be compared by letters: the ISRC may vouch for it, or the
         * duration on the same album (duration alone is weak: one artist's songs are often within a second).
         */
        private boolean confirmedAcrossScripts() {
            return isrcEqual || (durationDiff >= 0 && durationDiff <= DURATION_CONFIRMS_MS && sameAlbum);
        }

        private double title() {
            ParsedTitle requested = song.title();
            ParsedTitle offered = candidate.title();
            double signal = TitleComparison.similarity(requested, offered);
            boolean otherScript =
                    TextNormalizer.isNonLatin(requested.core()) != TextNormalizer.isNonLatin(offered.core());
            if (otherScript) {
                if (confirmedAcrossScripts()) {
                    signal = Math.max(signal, MIN_TITLE_TO_ADD);
                    evidence.agrees("title in another script, confirmed by " + confirmation());
                } else {
                    evidence.forbidsAdding("title in another script, unconfirmed by ISRC or by duration and album");
                }
            } else if (signal >= TITLE_AGREES) {
                evidence.agrees("title");
            } else if (signal < MIN_TITLE_TO_ADD && !isrcEqual) {
                evidence.forbidsAdding(String.format(Locale.ROOT, "title differs (%.2f)", signal));
            } else {
                evidence.speaksAgainst(String.format(Locale.ROOT, "title differs (%.2f)", signal));
            }
            if (!isrcEqual && !TitleComparison.sameNumbers(requested, offered)) {
                evidence.forbidsAdding("numbers in the title differ");
            }
            if (!requested.extra().equals(offered.extra()) && !durationClose()) {
                // An unclassified suffix ("Part 2", a subtitle) on one side may name another version.
                evidence.forbidsAdding("title suffixes differ, unconfirmed by duration or ISRC");
            }
            evidence.signal("title", signal);
            return signal;
        }

        private String confirmation() {
            return isrcEqual ? "ISRC" : "duration and album";
        }

        private double artists() {
            ArtistComparison artists = ArtistComparison.of(song, candidate.artists());
            double signal = artists.signal();
            if (artists.primaryFound()) {
                evidence.agrees(signal >= 1.0 ? "artists" : "primary artist");
            } else {
                boolean otherScript = TextNormalizer.isNonLatin(song.primaryArtist())
                        != candidate.artists().stream().anyMatch(TextNormalizer::isNonLatin);
                if (isrcEqual || (otherScript && confirmedAcrossScripts())) {
                    signal = Math.max(signal, MIN_TITLE_TO_ADD);
                    evidence.agrees("artist in another spelling, confirmed by " + confirmation());
                } else {
                    evidence.forbidsAdding(
                            "primary artist \"" + song.primaryArtist() + "\" not among the candidate's artists");
                    factor *= OTHER_ARTIST;
                }
            }
            List<String> featured = ArtistComparison.featuredDifferences(song, candidate);
            if (!featured.isEmpty()) {
                evidence.forbidsAdding("featured artists differ: " + String.join(", ", featured));
            }
            evidence.signal("artist", signal);
            return signal;
        }

        private double album() {
            double signal = IndelRatio.of(song.album().core(), candidate.album().core());
            evidence.signal("album", signal);
            if (signal >= TITLE_AGREES) {
                evidence.agrees("album");
            }
            return signal;
        }

        private double duration() {
            double signal;
            if (durationDiff <= DURATION_CLOSE_MS) {
                signal = 1.0;
                evidence.agrees("duration within 3 s");
            } else if (durationDiff <= DURATION_AGAINST_MS) {
                signal = 1.0 - 0.5 * (durationDiff - DURATION_CLOSE_MS) / (DURATION_AGAINST_MS - DURATION_CLOSE_MS);
                String off = String.format(Locale.ROOT, "duration %.1f s off", durationDiff / 1000.0);
                if (isrcEqual || sameAlbum) {
                    evidence.speaksAgainst(off);
                } else {
                    // A remaster's longer fade, or a re-recording or another mix: only the same album tells.
                    evidence.forbidsAdding(off + " on another album");
                }
            } else {
                signal = 0.0;
                evidence.forbidsAdding(String.format(Locale.ROOT, "duration %d s off", durationDiff / 1000));
                factor *= DURATION_FAR_OFF;
            }
            evidence.signal("duration", signal);
            return signal;
        }

        private void versions() {
            List<String> differences = VersionComparison.recordingDifferences(song, candidate);
            if (!differences.isEmpty()) {
                evidence.forbidsAdding("tags differ: " + String.join(", ", differences));
                factor *= TAGS_DIFFER;
            } else if (song.title().has(VersionTag.LIVE) && !durationClose() && !sameAlbum) {
                // Two live takes are one recording only when they come from the same concert.
                evidence.forbidsAdding("both live, but neither album nor duration shows the same concert");
            }
            List<String> release = VersionComparison.releaseDifferences(song.title(), candidate.title());
            if (!release.isEmpty() && !durationClose()) {
                evidence.forbidsAdding(
                        String.join(", ", release) + " on one side only, unconfirmed by duration or ISRC");
            }
        }

        private void explicit() {
            if (song.explicit() == null) {
                return;
            }
            boolean same = song.explicit() == track.explicit();
            evidence.signal("explicit", same ? 1.0 : 0.0);
            if (same) {
                evidence.agrees(track.explicit() ? "explicit" : "not explicit");
            } else {
                evidence.forbidsAdding(track.explicit() ? "explicit, clean requested" : "clean, explicit requested");
                factor *= EXPLICIT_DIFFERS;
            }
        }
    }
}
