package io.musicsync.matching;

import static io.musicsync.matching.TestTracks.song;
import static io.musicsync.matching.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.SongQuery;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One real-world example per rule of the precision matcher. */
class PrecisionMatcherTest {

    private static final double THRESHOLD = 0.85;
    private final PrecisionMatcher matcher = new PrecisionMatcher();

    private MatchDecision decide(SongQuery song, CatalogTrack... candidates) {
        return matcher.decide(song, List.of(candidates), THRESHOLD);
    }

    private static String chosenId(MatchDecision decision) {
        assertThat(decision.outcome())
                .as("outcome, reasons %s", decision.reasons())
                .isEqualTo(MatchOutcome.ADD);
        return decision.chosen().track().id();
    }

    @Test
    void featuredArtistInTheTitleCountsAsAnArtistNotAsTitleWords() {
        SongQuery song = song(
                "Get Lucky (feat. Pharrell Williams & Nile Rodgers)", "Daft Punk", "Random Access Memories", 369_626);
        CatalogTrack original = track(
                "getlucky",
                "Get Lucky",
                "Random Access Memories",
                369_626,
                "Daft Punk",
                "Pharrell Williams",
                "Nile Rodgers");
        CatalogTrack radioEdit = track(
                "radioedit",
                "Get Lucky - Radio Edit",
                "Get Lucky",
                248_413,
                "Daft Punk",
                "Pharrell Williams",
                "Nile Rodgers");

        MatchDecision decision = decide(song, radioEdit, original);

        assertThat(chosenId(decision)).isEqualTo("getlucky");
        assertThat(decision.chosen().signals()).containsEntry("title", 1.0).containsEntry("artist", 1.0);
        // The original scorer compared the raw titles and missed this one.
        assertThat(OriginalScorer.unfixed()
                        .decide(song, List.of(original), THRESHOLD)
                        .outcome())
                .isNotEqualTo(MatchOutcome.ADD);
    }

    @Test
    void remasterSuffixIsTheSameRecording() {
        SongQuery song = song("Bohemian Rhapsody", "Queen", "A Night at the Opera", 354_947);
        CatalogTrack remaster = track(
                "remaster",
                "Bohemian Rhapsody - Remastered 2011",
                "A Night At The Opera (2011 Remaster)",
                354_320,
                "Queen");

        assertThat(chosenId(decide(song, remaster))).isEqualTo("remaster");
    }

    @Test
    void liveVersionIsNotAddedWhenTheStudioRecordingIsAbsent() {
        SongQuery song = song("Bohemian Rhapsody", "Queen", null, null);
        CatalogTrack live = track(
                "live",
                "Bohemian Rhapsody - Live At Wembley Stadium / July 1986",
                "Live At Wembley Stadium",
                358_000,
                "Queen");

        MatchDecision decision = decide(song, live);

        assertThat(decision.outcome()).isEqualTo(MatchOutcome.UNCERTAIN);
        assertThat(decision.chosen()).isNull();
        assertThat(decision.ranked().get(0).notes()).anyMatch(n -> n.contains("tags differ: live"));
    }

    @Test
    void liveAlbumMarksTheRecordingEvenWithAPlainTitle() {
        SongQuery song = song("Hotel California", "Eagles", "Hotel California", null);
        CatalogTrack live = track("hfo", "Hotel California", "Live At The Forum 1976", 390_000, "Eagles");

        assertThat(decide(song, live).outcome()).isNotEqualTo(MatchOutcome.ADD);
    }

    @Test
    void karaokeCoverAndOriginallyPerformedByAreNeverAdded() {
        SongQuery song = song("Rolling in the Deep", "Adele", "21", 228_093);
        CatalogTrack karaoke = track(
                "karaoke", "Rolling in the Deep (Karaoke Version)", "Karaoke Hits 2011", 228_500, "Ameritz Karaoke");
        CatalogTrack originally = track(
                "origby",
                "Rolling in the Deep (Originally Performed by Adele)",
                "Karaoke Hits Vol. 3",
                228_100,
                "Karaoke Hits Band",
                "Adele");
        CatalogTrack cover = track("cover", "Rolling in the Deep - Cover", "Acoustic Covers", 229_000, "Adele");

        MatchDecision decision = decide(song, karaoke, originally, cover);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        CatalogTrack original = track("adele", "Rolling in the Deep", "21", 228_093, "Adele");
        assertThat(chosenId(decide(song, karaoke, originally, cover, original))).isEqualTo("adele");
    }

    @Test
    void remixIsAnotherRecordingAndRemixesAreToldApartByName() {
        CatalogTrack original = track("otr", "Old Town Road", "7 EP", 157_066, "Lil Nas X");
        CatalogTrack remix = track(
                "otrremix", "Old Town Road - Remix", "Old Town Road (Remix)", 157_066, "Lil Nas X", "Billy Ray Cyrus");
        CatalogTrack diploRemix = track(
                "diplo",
                "Old Town Road - Diplo Remix",
                "Old Town Road (Remixes)",
                190_000,
                "Lil Nas X",
                "Billy Ray Cyrus",
                "Diplo");

        assertThat(decide(song("Old Town Road", "Lil Nas X", null, null), remix, diploRemix)
                        .outcome())
                .isNotEqualTo(MatchOutcome.ADD);
        assertThat(chosenId(decide(
                        song("Old Town Road (feat. Billy Ray Cyrus) [Remix]", "Lil Nas X", null, null),
                        original,
                        diploRemix,
                        remix)))
                .isEqualTo("otrremix");
        assertThat(decide(song("Old Town Road (Diplo Remix)", "Lil Nas X", null, null), original, remix)
                        .outcome())
                .isNotEqualTo(MatchOutcome.ADD);
    }

    @Nested
    class ExplicitAndCleanTwins {
        private final CatalogTrack explicitTrack =
                track("humble", "HUMBLE.", "DAMN.", 177_000, true, null, "Kendrick Lamar");
        private final CatalogTrack cleanTrack =
                track("humbleclean", "HUMBLE.", "DAMN.", 177_000, false, "USUM71703082", "Kendrick Lamar");

        @Test
        void explicitOriginalIsPreferredWhenTheRequestDoesNotSay() {
            SongQuery song = song("HUMBLE.", "Kendrick Lamar", "DAMN.", 177_000);
            assertThat(chosenId(decide(song, cleanTrack, explicitTrack))).isEqualTo("humble");
        }

        @Test
        void requestedFlagIsRespected() {
            SongQuery clean = new SongQuery("HUMBLE.", "Kendrick Lamar", "DAMN.", 177_000, null, false);
            assertThat(chosenId(decide(clean, explicitTrack, cleanTrack))).isEqualTo("humbleclean");

            MatchDecision onlyExplicit = decide(clean, explicitTrack);
            assertThat(onlyExplicit.outcome()).isEqualTo(MatchOutcome.UNCERTAIN);
            assertThat(onlyExplicit.ranked().get(0).notes()).contains("explicit, clean requested");
        }
    }

    @Test
    void sameTitleByAnotherArtistIsNotAdded() {
        SongQuery song = song("Hallelujah", "Leonard Cohen", null, null);
        CatalogTrack buckley = track("buckley", "Hallelujah", "Grace", 413_000, "Jeff Buckley");

        MatchDecision decision = decide(song, buckley);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).anyMatch(n -> n.contains("primary artist"));
    }

    @Test
    void albumSingleSuffixIsIgnored() {
        SongQuery song = song("Flowers", "Miley Cyrus", "Flowers - Single", 200_455);
        CatalogTrack single = track("flowers", "Flowers", "Flowers", 200_455, "Miley Cyrus");

        MatchDecision decision = decide(song, single);

        assertThat(decision.chosen().signals()).containsEntry("album", 1.0);
        assertThat(decision.bestScore()).isEqualTo(1.0);
    }

    @Test
    void thresholdIsInclusive() {
        SongQuery song = song("Yesterday", "The Beatles", "Help!", 125_000);
        CatalogTrack track =
                track("yesterday", "Yesterday - Remastered 2009", "Help! (Remastered)", 127_500, "The Beatles");
        double score = matcher.decide(song, List.of(track), 0.0).bestScore();

        assertThat(matcher.decide(song, List.of(track), score).outcome()).isEqualTo(MatchOutcome.ADD);
        assertThat(matcher.decide(song, List.of(track), score + 0.0001).outcome())
                .isEqualTo(MatchOutcome.UNCERTAIN);
    }

    @Test
    void equalIsrcDoesNotOverrideDifferentVersionTags() {
        SongQuery song = new SongQuery("Blinding Lights", "The Weeknd", "After Hours", null, "USUG11904206", null);
        CatalogTrack live = track(
                "bllive",
                "Blinding Lights - Live",
                "After Hours (Live At SoFi Stadium)",
                215_000,
                false,
                "USUG11904206",
                "The Weeknd");

        MatchDecision decision = decide(song, live);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).anyMatch(n -> n.contains("live"));
    }

    @Test
    void equalIsrcAddsWithMethodIsrc() {
        SongQuery song = new SongQuery("Blinding Lights", "The Weeknd", null, null, "USUG11904206", null);
        CatalogTrack studio =
                track("bl", "Blinding Lights", "After Hours", 200_040, false, "USUG11904206", "The Weeknd");

        MatchDecision decision = decide(song, studio);

        assertThat(chosenId(decision)).isEqualTo("bl");
        assertThat(decision.method()).isEqualTo("isrc");
    }

    @Nested
    class TitlesInAnotherScript {
        private final CatalogTrack romanised =
                track("yoru", "Yoru ni Kakeru", "THE BOOK", 261_000, false, "JPP301900450", "YOASOBI");

        @Test
        void confirmedByIsrc() {
            SongQuery song = new SongQuery("夜に駆ける", "YOASOBI", null, null, "JPP301900450", null);
            assertThat(chosenId(decide(song, romanised))).isEqualTo("yoru");
        }

        @Test
        void confirmedByDurationOnTheSameAlbum() {
            SongQuery song = song("夜に駆ける", "YOASOBI", "THE BOOK", 261_500);
            assertThat(chosenId(decide(song, romanised))).isEqualTo("yoru");
        }

        @Test
        void durationAloneDoesNotConfirm() {
            // Another song by the same artist can be within half a second: "Tabun" is not "Yoru ni Kakeru".
            CatalogTrack otherSong = track("tabun", "Tabun", "THE BOOK 2", 261_200, false, null, "YOASOBI");
            assertThat(decide(song("夜に駆ける", "YOASOBI", "THE BOOK", 261_500), otherSong)
                            .outcome())
                    .isNotEqualTo(MatchOutcome.ADD);
            assertThat(decide(song("夜に駆ける", "YOASOBI", null, 261_500), romanised)
                            .outcome())
                    .isNotEqualTo(MatchOutcome.ADD);
        }

        @Test
        void notAddedWithoutConfirmation() {
            assertThat(decide(song("夜に駆ける", "YOASOBI", null, null), romanised).outcome())
                    .isNotEqualTo(MatchOutcome.ADD);
            assertThat(decide(song("夜に駆ける", "YOASOBI", null, 281_000), romanised)
                            .outcome())
                    .isNotEqualTo(MatchOutcome.ADD);
        }
    }

    @Test
    void durationMoreThanTenSecondsOffIsNotAdded() {
        SongQuery song = song("Stairway to Heaven", "Led Zeppelin", "Led Zeppelin IV", 482_830);
        CatalogTrack longer = track("stairway", "Stairway to Heaven", "Led Zeppelin IV", 502_830, "Led Zeppelin");

        MatchDecision decision = decide(song, longer);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).contains("duration 20 s off");
        CatalogTrack close = track("stairway2", "Stairway to Heaven", "Led Zeppelin IV", 482_830, "Led Zeppelin");
        assertThat(chosenId(decide(song, longer, close))).isEqualTo("stairway2");
    }

    @Test
    void aVersionFeaturingAnotherArtistIsAnotherRecording() {
        SongQuery song = song("Believer", "Imagine Dragons", null, null);
        CatalogTrack featuring = track(
                "believerlw",
                "Believer (feat. Lil Wayne)",
                "Believer (feat. Lil Wayne)",
                219_705,
                "Imagine Dragons",
                "Lil Wayne");

        MatchDecision decision = decide(song, featuring);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).contains("featured artists differ: lil wayne");
    }

    @Test
    void featuredNamesContainingCommasAreFoundInTheCredits() {
        SongQuery song = song("Biking (feat. JAY-Z & Tyler, The Creator)", "Frank Ocean", "Biking", 277_000);
        CatalogTrack biking =
                track("biking", "Biking", "Biking", 277_500, "Frank Ocean", "JAY-Z", "Tyler, The Creator");

        assertThat(chosenId(decide(song, biking))).isEqualTo("biking");
    }

    @Test
    void anUnknownSuffixOnOneSideNeedsTheDuration() {
        CatalogTrack fullVersion = track(
                "full", "Speechless (Full)", "Aladdin (Original Motion Picture Soundtrack)", 208_800, "Naomi Scott");

        assertThat(decide(song("Speechless", "Naomi Scott", null, null), fullVersion)
                        .outcome())
                .isNotEqualTo(MatchOutcome.ADD);
        assertThat(chosenId(decide(song("Speechless", "Naomi Scott", null, 208_000), fullVersion)))
                .isEqualTo("full");
    }

    @Test
    void twoLiveTakesMustComeFromTheSameConcert() {
        SongQuery song = song("Paranoid (Live)", "Black Sabbath", "The End (Live)", null);
        CatalogTrack otherConcert = track("liveevil", "Paranoid - Live", "Live Evil", 226_946, "Black Sabbath");
        CatalogTrack sameConcert = track("theend", "Paranoid - Live", "The End (Live)", 286_360, "Black Sabbath");

        assertThat(decide(song, otherConcert).outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(chosenId(decide(song, otherConcert, sameConcert))).isEqualTo("theend");
    }

    @Test
    void threeToTenSecondsOffIsOnlyAcceptedOnTheSameAlbum() {
        SongQuery song = song("Rock You Like A Hurricane", "Scorpions", "Love At First Sting", 252_493);
        CatalogTrack reRecording = track("comeblack", "Rock You Like a Hurricane", "Comeblack", 258_573, "Scorpions");
        CatalogTrack remaster = track(
                "remaster",
                "Rock You Like A Hurricane - 2015 Remaster",
                "Love At First Sting (2015)",
                257_800,
                "Scorpions");

        MatchDecision decision = decide(song, reRecording);
        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).contains("duration 6.1 s off on another album");
        assertThat(chosenId(decide(song, reRecording, remaster))).isEqualTo("remaster");
    }

    @Test
    void singleVersionOnOneSideNeedsTheDuration() {
        CatalogTrack single =
                track("single", "I Want It All - Single Version", "The Miracle (2011 Remaster)", 242_093, "Queen");

        assertThat(decide(song("I Want It All", "Queen", null, null), single).outcome())
                .isNotEqualTo(MatchOutcome.ADD);
        assertThat(chosenId(decide(song("I Want It All", "Queen", null, 241_253), single)))
                .isEqualTo("single");
    }

    @Test
    void twoUntaggedRecordingsOfDifferentLengthAreAmbiguousUnlessTheAlbumDecides() {
        CatalogTrack albumVersion = track("mfn", "Money for Nothing", "Brothers in Arms", 506_400, "Dire Straits");
        CatalogTrack singleEdit = track(
                "mfnedit",
                "Money for Nothing",
                "Sultans of Swing - the Very Best of Dire Straits",
                249_706,
                "Dire Straits");

        MatchDecision bare = decide(song("Money for Nothing", "Dire Straits", null, null), albumVersion, singleEdit);
        assertThat(bare.outcome()).isEqualTo(MatchOutcome.UNCERTAIN);
        assertThat(bare.reasons().get(0)).startsWith("ambiguous");

        assertThat(chosenId(decide(
                        song("Money for Nothing", "Dire Straits", "Brothers in Arms", null), singleEdit, albumVersion)))
                .isEqualTo("mfn");
    }

    @Test
    void aDifferentNumberInTheTitleIsAnotherSong() {
        SongQuery song = song("Revolution", "The Beatles", null, null);
        CatalogTrack revolution1 =
                track("rev1", "Revolution 1 - Remastered 2009", "The Beatles (Remastered)", 255_000, "The Beatles");

        MatchDecision decision = decide(song, revolution1);

        assertThat(decision.outcome()).isNotEqualTo(MatchOutcome.ADD);
        assertThat(decision.ranked().get(0).notes()).contains("numbers in the title differ");
    }

    @Test
    void allArtistsOfTheRequestAreSplitAndFoundAmongTheCandidates() {
        SongQuery song = song("Under Pressure", "Queen & David Bowie", "Hot Space", null);
        CatalogTrack track = track(
                "up", "Under Pressure - Remastered 2011", "Hot Space (2011 Remaster)", 248_000, "Queen", "David Bowie");

        assertThat(decide(song, track).chosen().signals()).containsEntry("artist", 1.0);
    }

    @Test
    void bandWhoseNameContainsAnAmpersandStaysOneArtist() {
        SongQuery song = song("The Sound of Silence", "Simon & Garfunkel", null, null);
        CatalogTrack track = track("sos", "The Sound of Silence", "Sounds of Silence", 185_000, "Simon & Garfunkel");

        assertThat(chosenId(decide(song, track))).isEqualTo("sos");
    }

    @Test
    void noCandidatesIsNoneAndAnUnrelatedListIsNone() {
        assertThat(decide(song("Yesterday", "The Beatles", null, null)).outcome())
                .isEqualTo(MatchOutcome.NONE);
        CatalogTrack unrelated = track("x", "Toxic", "In the Zone", 198_000, "Britney Spears");
        assertThat(decide(song("Yesterday", "The Beatles", null, null), unrelated)
                        .outcome())
                .isEqualTo(MatchOutcome.NONE);
    }

    @Test
    void uncertainDecisionRanksAtMostFiveCandidatesBestFirstWithReasons() {
        SongQuery song = song("Hallelujah", "Leonard Cohen", null, null);
        List<CatalogTrack> covers = List.of(
                track("c1", "Hallelujah", "Grace", 413_000, "Jeff Buckley"),
                track("c2", "Hallelujah", "Shrek", 245_000, "Rufus Wainwright"),
                track("c3", "Hallelujah", "Hallelujah", 250_000, "Pentatonix"),
                track("c4", "Hallelujah - Live", "Live in London", 430_000, "Leonard Cohen"),
                track("c5", "Hallelujah", "Covers", 300_000, "Alexandra Burke"),
                track("c6", "Hallelujah (Karaoke Version)", "Karaoke Hits", 280_000, "Ameritz Karaoke"));

        MatchDecision decision = matcher.decide(song, covers, THRESHOLD);

        assertThat(decision.outcome()).isEqualTo(MatchOutcome.UNCERTAIN);
        assertThat(decision.ranked()).hasSize(MatchDecision.MAX_RANKED);
        assertThat(decision.ranked()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(decision.reasons()).isNotEmpty();
    }
}
