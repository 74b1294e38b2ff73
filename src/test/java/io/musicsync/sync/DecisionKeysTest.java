package io.musicsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.SongQuery;
import org.junit.jupiter.api.Test;

class DecisionKeysTest {

    @Test
    void theSameSongWrittenDifferentlyHasTheSameKeys() {
        SongQuery apple =
                new SongQuery("Don’t Stop Me Now", "Queen & David Bowie", "Jazz", 210_000, "gbum71029604", null);
        SongQuery again = new SongQuery("DON'T STOP ME NOW", "Queen", null, null, "GBUM71029604", null);

        assertThat(DecisionKeys.of(apple)).containsExactly("isrc:GBUM71029604", "song:dont stop me now|queen");
        assertThat(DecisionKeys.of(again)).isEqualTo(DecisionKeys.of(apple));
    }

    @Test
    void aVersionInTheTitleIsAnotherSong() {
        assertThat(DecisionKeys.of(SongQuery.of("Song (Live)", "Band")))
                .doesNotContainAnyElementsOf(DecisionKeys.of(SongQuery.of("Song", "Band")));
    }

    @Test
    void aSongWithoutIsrcIsKnownByTitleAndArtistOnly() {
        assertThat(DecisionKeys.of(SongQuery.of("Hello", "Adele"))).containsExactly("song:hello|adele");
        assertThat(DecisionKeys.of(SongQuery.of("", "Adele"))).isEmpty();
    }
}
