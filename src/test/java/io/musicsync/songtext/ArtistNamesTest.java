package io.musicsync.songtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtistNamesTest {

    @Test
    void splitsEverySeparatorAppleMusicUses() {
        assertThat(ArtistNames.split("Hanumankind & Kalmi")).containsExactly("hanumankind", "kalmi");
        assertThat(ArtistNames.split("Calvin Harris, Dua Lipa and Young Thug"))
                .containsExactly("calvin harris", "dua lipa", "young thug");
        assertThat(ArtistNames.split("Fred again.. x Skrillex + Four Tet"))
                .containsExactly("fred again", "skrillex", "four tet");
        assertThat(ArtistNames.split("Mark Ronson feat. Bruno Mars")).containsExactly("mark ronson", "bruno mars");
    }

    @Test
    void comparesWithSmallSpellingDifferences() {
        assertThat(ArtistNames.contains(List.of("beyonce", "jay-z"), "beyonce")).isTrue();
        assertThat(ArtistNames.contains(List.of("the weeknd"), "the weekend")).isTrue();
        assertThat(ArtistNames.contains(List.of("jeff buckley"), "leonard cohen"))
                .isFalse();
        assertThat(ArtistNames.same("beatles", "the beatles")).isTrue();
        assertThat(ArtistNames.same("drake", "drakeo"))
                .as("short names must match exactly")
                .isFalse();
    }
}
