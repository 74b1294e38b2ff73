package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRankerTest {

    private static final List<CatalogEntry> ENTRIES = List.of(
            entry("Bohemian Rhapsody (Originally Performed by Queen) [Karaoke Version]", "Sing2Piano", "2015"),
            entry("Bohemian Rhapsody - Live Aid", "Queen", "2018"),
            entry("Bohemian Rhapsody", "Panic! At The Disco", "2016"),
            entry("Bohemian Rhapsody - Remastered 2011", "Queen", "1975"),
            entry("Bohemian Rhapsody", "Queen", "1975"),
            entry("夜に駆ける", "YOASOBI", "2019"),
            entry("Halo", "Beyoncé", "2008"));

    private static CatalogEntry entry(String title, String artist, String year) {
        return CatalogEntry.of(title, List.of(artist), title, year, 200_000, false, null);
    }

    private static List<String> rank(String q) {
        List<IndexedTrack> tracks = new ArrayList<>();
        for (CatalogEntry e : ENTRIES) {
            tracks.add(IndexedTrack.of(e.toTrack(), tracks.size()));
        }
        return SearchRanker.rank(SearchQuery.parse(q), tracks).stream()
                .map(t -> t.name() + " / " + t.artists().get(0).name())
                .toList();
    }

    @Test
    void exactTitleAndArtistFirstThenVariants() {
        assertThat(rank("track:\"Bohemian Rhapsody\" artist:Queen"))
                .containsExactly(
                        "Bohemian Rhapsody / Queen",
                        "Bohemian Rhapsody - Live Aid / Queen",
                        "Bohemian Rhapsody - Remastered 2011 / Queen");
    }

    @Test
    void artistFilterMatchesArtistsOnlyNotTheTitle() {
        // The karaoke version names Queen only in its title: an artist: filter does not see it.
        assertThat(rank("track:\"Bohemian Rhapsody\" artist:Queen")).noneMatch(n -> n.contains("Karaoke"));
        assertThat(rank("bohemian rhapsody queen"))
                .contains("Bohemian Rhapsody (Originally Performed by Queen) [Karaoke Version] / Sing2Piano");
    }

    @Test
    void aFilterMatchesWholeWordsOnly() {
        assertThat(rank("track:bohem")).isEmpty();
        assertThat(rank("track:Rhapsody artist:Que")).isEmpty();
        assertThat(rank("track:\"Rhapsody Bohemian\""))
                .as("a phrase keeps its word order")
                .isEmpty();
        assertThat(rank("track:\"Pressure Cooker Bohemian Rhapsody\" artist:Queen"))
                .isEmpty();
    }

    @Test
    void titleOnlySearchReturnsOtherArtistsWithTiesInCatalogOrder() {
        List<String> ranked = rank("Bohemian Rhapsody");

        assertThat(ranked.subList(0, 2))
                .containsExactly("Bohemian Rhapsody / Panic! At The Disco", "Bohemian Rhapsody / Queen");
        assertThat(ranked).last().asString().contains("Karaoke");
    }

    @Test
    void onlyTheLastFreeWordMayBeTheStartOfOne() {
        assertThat(rank("queen bohem")).first().isEqualTo("Bohemian Rhapsody / Queen");
        assertThat(rank("bohem queen")).isEmpty();
        assertThat(rank("夜に駆ける")).containsExactly("夜に駆ける / YOASOBI");
    }

    @Test
    void yearFilterExcludesAndAccentsDoNotMatter() {
        assertThat(rank("track:\"Bohemian Rhapsody\" year:2016-2018"))
                .containsExactlyInAnyOrder(
                        "Bohemian Rhapsody / Panic! At The Disco", "Bohemian Rhapsody - Live Aid / Queen");
        assertThat(rank("BEYONCE")).containsExactly("Halo / Beyoncé");
    }

    @Test
    void unrelatedQueryFindsNothing() {
        assertThat(rank("track:Thunderstruck")).isEmpty();
    }
}
