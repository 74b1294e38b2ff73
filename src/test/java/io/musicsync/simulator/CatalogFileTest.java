package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

    private final List<TrackJson> tracks =
            CatalogFile.loadDefault().stream().map(CatalogEntry::toTrack).toList();

    @Test
    void sampleCatalogHasAFewHundredSongsWithUniqueSpotifyShapedIds() {
        assertThat(tracks).hasSizeBetween(250, 400);
        assertThat(tracks).extracting(TrackJson::id).doesNotHaveDuplicates().allMatch(SpotifyIds::isId);
        assertThat(tracks).allSatisfy(t -> {
            assertThat(t.durationMs()).isBetween(60_000, 12 * 60_000);
            assertThat(t.album().releaseDate()).matches("\\d{4}(-\\d{2}-\\d{2})?");
        });
        assertThat(tracks)
                .map(TrackJson::isrc)
                .filteredOn(i -> i != null)
                .allMatch(isrc -> isrc.matches("[A-Z]{2}[A-Z0-9]{3}\\d{7}"));
    }

    @Test
    void holdsTheVariantsThatFoolMatchers() {
        assertThat(tracks).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("Bohemian Rhapsody");
            assertThat(t.album().name()).isEqualTo("A Night At The Opera");
        });
        assertThat(tracks)
                .map(TrackJson::name)
                .anyMatch(n -> n.contains("Taylor's Version"))
                .anyMatch(n -> n.contains("Originally Performed by"))
                .anyMatch(n -> n.contains("Sped Up"))
                .anyMatch(n -> n.contains("Remastered"))
                .anyMatch(n -> n.contains("Live"))
                .anyMatch(n -> n.contains("Radio Edit"))
                .anyMatch(n -> n.contains("feat."))
                .anyMatch(n -> n.contains("Acoustic"))
                .anyMatch(n -> n.contains("Instrumental"))
                .anyMatch(n ->
                        n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertThat(tracks)
                .filteredOn(t -> t.name().equals("HUMBLE."))
                .extracting(TrackJson::explicit)
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void parsesACompactLine() {
        CatalogEntry entry = CatalogFile.parseLine(
                "Umbrella | Rihanna; JAY-Z | Good Girl Gone Bad | 2007 | 4:35 | ES |" + " USXX10000001", 7);

        assertThat(entry.artists()).containsExactly("Rihanna", "JAY-Z");
        assertThat(entry.explicit()).isTrue();
        assertThat(entry.albumType()).isEqualTo("single");
        assertThat(entry.durationMs()).isBetween(275_000, 275_999);
        assertThat(entry.isrc()).isEqualTo("USXX10000001");
    }

    @Test
    void badLineNamesItsNumber() {
        assertThatThrownBy(() -> CatalogFile.parseLine("Only | three | columns", 12))
                .hasMessageContaining("line 12");
    }
}
