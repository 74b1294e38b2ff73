package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void parsesQuotedFieldFiltersAndFreeWords() {
        SearchQuery q = SearchQuery.parse("track:\"Bohemian Rhapsody\" artist:Queen album:\"A Night\" live");

        assertThat(q.track()).containsExactly("bohemian", "rhapsody");
        assertThat(q.artist()).containsExactly("queen");
        assertThat(q.album()).containsExactly("a", "night");
        assertThat(q.free()).containsExactly("live");
    }

    @Test
    void normalisesCaseAndAccents() {
        assertThat(SearchQuery.parse("artist:BEYONCÉ Señorita").artist()).containsExactly("beyonce");
        assertThat(SearchQuery.parse("artist:BEYONCÉ Señorita").free()).containsExactly("senorita");
    }

    @Test
    void yearTakesASingleYearOrARange() {
        assertThat(SearchQuery.parse("year:1975").yearMatches("1975-11-21")).isTrue();
        assertThat(SearchQuery.parse("year:1970-1979").yearMatches("1978")).isTrue();
        assertThat(SearchQuery.parse("year:1980-1989").yearMatches("1975-11-21"))
                .isFalse();
    }

    @Test
    void isrcIsKeptVerbatimAndUnknownFieldsBecomeWords() {
        SearchQuery q = SearchQuery.parse("isrc:gbum71029604 genre:rock re:stacks");

        assertThat(q.isrc()).isEqualTo("gbum71029604");
        assertThat(q.free()).containsExactly("re", "stacks");
    }
}
