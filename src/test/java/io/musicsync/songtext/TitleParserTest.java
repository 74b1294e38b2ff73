package io.musicsync.songtext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleParserTest {

    private final TitleParser parser = new TitleParser();

    @Test
    void featuredArtistsMoveFromTitleToArtists() {
        ParsedTitle title = parser.parseTitle("Never Did Coke (feat. Swae Lee)");
        assertThat(title.core()).isEqualTo("never did coke");
        assertThat(title.featured()).containsExactly("swae lee");

        assertThat(parser.parseTitle("Hooked on love (feat. KiLLER KiNG, 金城 剛士(cv.豊永利行) & 殿 弥勒(cv.江口拓也))")
                        .featured())
                .hasSize(3);
        assertThat(parser.parseTitle("Señorita - with Camila Cabello").featured())
                .containsExactly("camila cabello");
    }

    @Test
    void sameRecordingTags() {
        assertThat(parser.parseTitle("Bohemian Rhapsody - Remastered 2011").tags())
                .containsKey(VersionTag.REMASTER);
        assertThat(parser.parseTitle("Moanin' - Mono Audio").tags()).containsKey(VersionTag.MONO);
        assertThat(parser.parseTitle("Hey Jude (2015 Stereo Mix)").tags()).containsKey(VersionTag.STEREO);
        assertThat(parser.parseTitle("Hey Jude (2015 Stereo Mix)").recordingTags())
                .isEmpty();
        assertThat(parser.parseTitle("Bohemian Rhapsody - Remastered 2011").recordingTags())
                .isEmpty();
    }

    @Test
    void differentRecordingTags() {
        assertThat(parser.parseTitle("Creep - Acoustic").recordingTags()).containsKey(VersionTag.ACOUSTIC);
        assertThat(parser.parseTitle("Levels - Skrillex Remix").recordingTags()).containsKey(VersionTag.REMIX);
        assertThat(parser.parseTitle("Love Story (Taylor's Version)").recordingTags())
                .containsKey(VersionTag.RE_RECORDED);
        assertThat(parser.parseTitle("Die With A Smile - Sped Up").recordingTags())
                .containsKey(VersionTag.SPED_UP_OR_SLOWED);
        assertThat(parser.parseTitle("One In A Billion (Japanese Ver.)").recordingTags())
                .containsKey(VersionTag.LANGUAGE_VERSION);
        assertThat(parser.parseTitle("Yesterday (Originally Performed by The Beatles)")
                        .recordingTags())
                .containsKey(VersionTag.COVER);
    }

    @Test
    void soundtrackNotesAreIgnoredAndUnknownSuffixesKeptApart() {
        ParsedTitle title = parser.parseTitle("Excuse Me Rakshasi - From \"Ninu Veedani Needanu Nene\"");
        assertThat(title.core()).isEqualTo("excuse me rakshasi");
        assertThat(title.extra()).isEmpty();

        ParsedTitle subtitled = parser.parseTitle("Passing Memories - Genshin Impact's 4th Anniversary Theme Song");
        assertThat(subtitled.core()).isEqualTo("passing memories");
        assertThat(subtitled.extra()).isEqualTo("genshin impacts 4th anniversary theme song");
    }

    @Test
    void albumEditionSuffixesAreStrippedAndLiveAlbumsTagged() {
        assertThat(parser.parseAlbum("Flowers - Single").core()).isEqualTo("flowers");
        assertThat(parser.parseAlbum("Midnights - EP").core()).isEqualTo("midnights");
        assertThat(parser.parseAlbum("Daughtry (Deluxe Edition)").core()).isEqualTo("daughtry");
        assertThat(parser.parseAlbum("Live at Wembley '86").recordingTags()).containsKey(VersionTag.LIVE);
        assertThat(parser.parseAlbum("Karaoke Hits Vol. 36").recordingTags()).containsKey(VersionTag.KARAOKE);
        assertThat(parser.parseAlbum("The End (Live)").recordingTags()).containsKey(VersionTag.LIVE);
        assertThat(parser.parseAlbum("Live Laugh Love").recordingTags()).isEmpty();
    }
}
