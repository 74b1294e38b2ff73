package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.SongQuery;
import org.junit.jupiter.api.Test;

class SearchQueriesTest {

    @Test
    void theFirstOfAppleMusicsJoinedArtistsGoesAloneInTheArtistFilter() {
        assertThat(SearchQueries.primaryArtist("Calvin Harris, Justin Timberlake & Halsey"))
                .isEqualTo("Calvin Harris");
        assertThat(SearchQueries.primaryArtist("Silk Sonic x Bruno Mars")).isEqualTo("Silk Sonic");
        assertThat(SearchQueries.primaryArtist("DJ Snake feat. Bipolar Sunshine"))
                .isEqualTo("DJ Snake");
        assertThat(SearchQueries.primaryArtist("Florence + the Machine")).isEqualTo("Florence + the Machine");
    }

    @Test
    void theTitleLosesWhatAppleMusicAddsToIt() {
        assertThat(SearchQueries.core("Stay With Me (feat. Justin Timberlake & Halsey) [From the Motion Picture]"))
                .isEqualTo("Stay With Me");
        assertThat(SearchQueries.core("1979 - Remastered 2012")).isEqualTo("1979");
        assertThat(SearchQueries.core("Middle feat. Bipolar Sunshine")).isEqualTo("Middle");
        assertThat(SearchQueries.core("(Untitled)"))
                .as("nothing left: the whole title")
                .isEqualTo("(Untitled)");
    }

    @Test
    void wordsWithAnApostropheLeaveTheFilterForFreeTextWithoutIt() {
        assertThat(SearchQueries.titleAndArtist(SongQuery.of("Gangsta’s Paradise (feat. L.V.)", "Coolio & L.V.")))
                .isEqualTo("track:\"Paradise\" artist:\"Coolio\" Gangstas");
        assertThat(SearchQueries.titleAndArtist(SongQuery.of("I Don't Want to Miss a Thing", "Aerosmith")))
                .isEqualTo("track:\"I\" track:\"Want to Miss a Thing\" artist:\"Aerosmith\" Dont");
        assertThat(SearchQueries.titleAndArtist(SongQuery.of("Rockin' Robin", "Bobby Day")))
                .as("an apostrophe at a word's edge is no quirk")
                .isEqualTo("track:\"Rockin Robin\" artist:\"Bobby Day\"");
    }

    @Test
    void quotesCannotBreakOutOfAFilterAndTheFallbacksUseTheSameWords() {
        SongQuery song = SongQuery.of("Say \"Hello\"", "The Band");

        assertThat(SearchQueries.titleAndArtist(song)).isEqualTo("track:\"Say Hello\" artist:\"The Band\"");
        assertThat(SearchQueries.freeText(song)).isEqualTo("Say Hello The Band");
        assertThat(SearchQueries.titleOnly(song)).isEqualTo("track:\"Say Hello\"");
        assertThat(SearchQueries.isrc(new SongQuery("x", "y", null, null, " gb-um7.1029604 ", null)))
                .isEqualTo("isrc:GBUM71029604");
        assertThat(SearchQueries.isrc(SongQuery.of("x", "y"))).isNull();
    }
}
