package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void aQuotedValueIsOnePhraseAndAnUnquotedFilterTakesOneWord() {
        SearchQuery q = SearchQuery.parse("track:\"Bohemian Rhapsody\" artist:Queen album:\"A Night\" live");

        assertThat(q.track()).containsExactly(List.of("bohemian", "rhapsody"));
        assertThat(q.artist()).containsExactly(List.of("queen"));
        assertThat(q.album()).containsExactly(List.of("a", "night"));
        assertThat(q.free()).containsExactly("live");
        assertThat(SearchQuery.parse("track:Bohemian Rhapsody").free()).containsExactly("rhapsody");
    }

    @Test
    void normalisesCaseAndAccents() {
        assertThat(SearchQuery.parse("artist:BEYONCÉ Señorita").artist()).containsExactly(List.of("beyonce"));
        assertThat(SearchQuery.parse("artist:BEYONCÉ Señorita").free()).containsExactly("senorita");
    }

    @Test
    void filtersKeepApostrophesAsWrittenFreeTextDropsThem() {
        assertThat(SearchQuery.parse("track:\"Don't Stop\"").track()).containsExactly(List.of("don't", "stop"));
        assertThat(SearchQuery.parse("track:\"Don’t Stop\"").track()).containsExactly(List.of("don’t", "stop"));
        assertThat(SearchQuery.parse("Don’t Stop").free()).containsExactly("dont", "stop");
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
