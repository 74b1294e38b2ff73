package io.musicsync.matching;

import static io.musicsync.matching.TestTracks.song;
import static io.musicsync.matching.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.SongQuery;
import io.musicsync.songtext.IndelRatio;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginalScorerTest {

    private final CatalogTrack oldTownRoad =
            track("otr", "Old Town Road - Remix", "Old Town Road (Remix)", 157_066, "Lil Nas X", "Billy Ray Cyrus");

    @Test
    void withoutAlbumAPerfectTitleAndArtistScoresOneAfterTheFix() {
        SongQuery song = song("Old Town Road - Remix", "Lil Nas X", null, null);

        assertThat(OriginalScorer.fixed()
                        .decide(song, List.of(oldTownRoad), 0.85)
                        .bestScore())
                .isCloseTo(1.0, within(1e-9));
        assertThat(OriginalScorer.unfixed()
                        .decide(song, List.of(oldTownRoad), 0.85)
                        .bestScore())
                .isCloseTo(0.85, within(1e-9));
    }

    @Test
    void everyArtistOfTheTrackIsComparedAfterTheFix() {
        SongQuery song = song("Old Town Road - Remix", "Billy Ray Cyrus", "Old Town Road (Remix)", null);

        assertThat(OriginalScorer.fixed()
                        .decide(song, List.of(oldTownRoad), 0.85)
                        .ranked()
                        .get(0)
                        .signals())
                .containsEntry("artist", 1.0);
        assertThat(OriginalScorer.unfixed()
                        .decide(song, List.of(oldTownRoad), 0.85)
                        .ranked()
                        .get(0)
                        .signals()
                        .get("artist"))
                .isLessThan(0.5);
    }

    @Test
    void weightsAreTitleHalfArtistAndAlbum() {
        SongQuery song = song("Old Town Road - Remix", "Lil Nas X", "7 EP", null);
        double albumRatio = IndelRatio.of("7 ep", "old town road (remix)");

        assertThat(OriginalScorer.fixed()
                        .decide(song, List.of(oldTownRoad), 0.85)
                        .bestScore())
                .isCloseTo(0.5 + 0.35 + 0.15 * albumRatio, within(1e-9));
    }

    @Test
    void thresholdIsInclusiveAndEqualIsrcScoresOne() {
        SongQuery song = new SongQuery("Blinding Lights", "The Weeknd", null, null, "USUG11904206", null);
        CatalogTrack track =
                track("bl", "Blinding Lights", "After Hours", 200_040, false, "USUG11904206", "The Weeknd");

        MatchDecision decision = OriginalScorer.fixed().decide(song, List.of(track), 1.0);

        assertThat(decision.outcome()).isEqualTo(MatchOutcome.ADD);
        assertThat(decision.method()).isEqualTo("isrc");
    }

    @Test
    void belowThresholdIsUncertainAndNoCandidatesIsNone() {
        SongQuery song = song("Old Town Road", "Lil Nas X", null, null);
        assertThat(OriginalScorer.fixed()
                        .decide(song, List.of(oldTownRoad), 0.99)
                        .outcome())
                .isEqualTo(MatchOutcome.UNCERTAIN);
        assertThat(OriginalScorer.fixed().decide(song, List.of(), 0.85).outcome())
                .isEqualTo(MatchOutcome.NONE);
    }
}
