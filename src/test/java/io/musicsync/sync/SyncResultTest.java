package io.musicsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.SongQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncResultTest {

    private static final CatalogTrack TRACK = new CatalogTrack(
            "4u7EnebtmKWzUH433cf5Qv",
            "spotify:track:4u7EnebtmKWzUH433cf5Qv",
            "Bohemian Rhapsody",
            List.of("Queen"),
            "A Night at the Opera",
            "1975-11-21",
            354_320,
            false,
            "GBUM71029604");
    private static final MatchDecision UNSURE =
            new MatchDecision(MatchOutcome.UNCERTAIN, null, "none", List.of(), List.of());

    @Test
    void anAddedTrackIsASuccessNamingTheTrack() {
        SyncResult result = SyncResult.added(TRACK, 0.97, MatchMethod.ISRC, null, null, AddConfirmation.READ_BACK);

        assertThat(result.success()).isTrue();
        assertThat(result.alreadyInPlaylist()).isFalse();
        assertThat(result.trackId()).isEqualTo(TRACK.id());
        assertThat(result.trackUri()).isEqualTo(TRACK.uri());
        assertThat(result.confidenceScore()).isEqualTo(0.97);
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.ISRC);
        assertThat(result.message()).startsWith("Added ").contains("Bohemian Rhapsody");
        assertThat(result.verification()).isEqualTo("read_back");
    }

    @Test
    void anAddTheServiceAcceptedButDoesNotShowYetSaysSo() {
        SyncResult result = SyncResult.added(TRACK, 0.97, MatchMethod.ISRC, null, null, AddConfirmation.ADD_ACCEPTED);

        assertThat(result.verification()).isEqualTo("add_accepted");
        assertThat(result.message()).endsWith("(accepted; the playlist does not show it yet)");
    }

    @Test
    void aTrackAlreadyThereIsASuccessThatAddedNothing() {
        AiChoice ai = new AiChoice(TRACK.uri(), 0.9, "same recording", "claude", "m");

        SyncResult result =
                SyncResult.alreadyThere(TRACK, 0.9, MatchMethod.AI, UNSURE, ai, AddConfirmation.PLAYLIST_READ);

        assertThat(result.success()).isTrue();
        assertThat(result.alreadyInPlaylist()).isTrue();
        assertThat(result.ai()).isEqualTo(ai);
        assertThat(result.message()).contains("already in the playlist");
        assertThat(result.verification()).isEqualTo("playlist_read");
    }

    @Test
    void noCandidatesNamesTheCatalogNotAService() {
        SyncResult result = SyncResult.noCandidates(SongQuery.of("Bohemian Rhapsody", "Queen"));

        assertThat(result.success()).isFalse();
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.NONE);
        assertThat(result.decision()).isNull();
        assertThat(result.trackUri()).isNull();
        assertThat(result.message()).contains("No tracks found in the catalog").doesNotContain("Spotify");
    }

    @Test
    void unmatchedResultsKeepTheDecisionAndChooseNothing() {
        SyncResult noMatch = SyncResult.noMatch("No match for it", UNSURE);
        SyncResult unsure = SyncResult.noConfidentMatch("No confident match for it", UNSURE, null);

        assertThat(List.of(noMatch, unsure)).allSatisfy(result -> {
            assertThat(result.success()).isFalse();
            assertThat(result.matchMethod()).isEqualTo(MatchMethod.NONE);
            assertThat(result.decision()).isEqualTo(UNSURE);
            assertThat(result.trackId()).isNull();
            assertThat(result.confidenceScore()).isNull();
        });
        assertThat(unsure.message()).isEqualTo("No confident match for it");
    }

    @Test
    void timeAndRetriesAreAddedWithoutChangingTheOutcome() {
        SyncResult result = SyncResult.added(TRACK, 0.97, MatchMethod.FUZZY, null, null, AddConfirmation.READ_BACK)
                .withExecutionTime(1.5)
                .withRetryCount(2);

        assertThat(result.executionTimeSeconds()).isEqualTo(1.5);
        assertThat(result.retryCount()).isEqualTo(2);
        assertThat(result.success()).isTrue();
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.FUZZY);
    }

    @Test
    void matchMethodsKeepTheirWireValues() {
        assertThat(List.of(MatchMethod.values()))
                .extracting(MatchMethod::wireName)
                .containsExactly("isrc", "fuzzy", "ai", "review", "remembered", "none");
        assertThat(MatchMethod.fromWire("fuzzy")).isEqualTo(MatchMethod.FUZZY);
        assertThatThrownBy(() -> MatchMethod.fromWire("FUZZY")).hasMessageContaining("FUZZY");
    }
}
