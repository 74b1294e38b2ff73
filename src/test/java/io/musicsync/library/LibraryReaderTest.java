package io.musicsync.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.SongQuery;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryReaderTest {

    @TempDir
    Path dir;

    private final LibraryReader reader = new LibraryReader();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LibraryReaderTest.class.getResource("/library/" + name).toURI());
    }

    /** A fixture's content under a neutral name, so only the content can tell the format. */
    private Path renamed(String name) throws Exception {
        Path copy = dir.resolve("upload.dat");
        Files.copy(fixture(name), copy);
        return copy;
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("input");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<LibraryEntry.Song> songs(Library library) {
        return library.entries().stream()
                .filter(LibraryEntry.Song.class::isInstance)
                .map(LibraryEntry.Song.class::cast)
                .toList();
    }

    private static Map<String, SkipReason> skips(Library library) {
        return library.entries().stream()
                .filter(LibraryEntry.Skipped.class::isInstance)
                .map(LibraryEntry.Skipped.class::cast)
                .collect(java.util.stream.Collectors.toMap(
                        LibraryEntry.Skipped::source,
                        LibraryEntry.Skipped::reason,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static List<LibraryEntry.Unreadable> unreadable(Library library) {
        return library.entries().stream()
                .filter(LibraryEntry.Unreadable.class::isInstance)
                .map(LibraryEntry.Unreadable.class::cast)
                .toList();
    }

    @Test
    void musicAppLibraryGivesSongsWithTheirFieldsSkipsWhatIsNotASongAndNamesBadTracks() throws Exception {
        Library library = reader.read(renamed("music-app-library.xml"));

        assertThat(library.format()).isEqualTo(LibraryFormat.APPLE_XML);
        assertThat(library.entries()).hasSize(11);
        assertThat(library.problems()).isEmpty();
        List<LibraryEntry.Song> songs = songs(library);
        assertThat(songs)
                .extracting(LibraryEntry.Song::song)
                .containsExactly(
                        new SongQuery(
                                "Bohemian Rhapsody",
                                "Queen",
                                "A Night at the Opera (2011 Remaster)",
                                354947,
                                null,
                                null),
                        new SongQuery("Blinding Lights", "The Weeknd", "After Hours", 200040, null, true),
                        // No Artist: the Album Artist stands in; Clean means not explicit.
                        new SongQuery("One More Time", "Daft Punk", "Discovery", 320357, null, false));
        assertThat(songs.get(0).source()).startsWith("track 201 (line ");
        assertThat(songs.get(0).year()).isEqualTo(1975);
        assertThat(songs.get(0).loved()).isTrue();
        assertThat(songs.get(1).loved()).isNull();

        assertThat(skips(library).values())
                .containsExactly(
                        SkipReason.VIDEO,
                        SkipReason.PODCAST,
                        SkipReason.AUDIOBOOK,
                        SkipReason.DOCUMENT,
                        SkipReason.VOICE_MEMO,
                        SkipReason.DISLIKED);
        assertThat(unreadable(library))
                .extracting(LibraryEntry.Unreadable::source, LibraryEntry.Unreadable::message)
                .satisfiesExactly(
                        first -> assertThat(first.toList())
                                .satisfiesExactly(
                                        s -> assertThat((String) s).startsWith("track 209 (line "),
                                        m -> assertThat(m).isEqualTo("it has no Name")),
                        second -> assertThat(second.toList())
                                .satisfiesExactly(
                                        s -> assertThat((String) s).startsWith("track 210 (line "),
                                        m -> assertThat(m).isEqualTo("\"Untitled 04\" has no Artist or Album Artist")));
    }

    @Test
    void onlyThePersonsPlaylistsCountAndKeepTheirOrder() throws Exception {
        Library library = reader.read(fixture("music-app-library.xml"));

        // Not the whole library (Master) nor Apple's own "Music" list; an unknown track id is ignored.
        assertThat(library.playlists().keySet()).containsExactlyInAnyOrder("Road Trip", "Smart & Loved");
        assertThat(library.playlist("Road Trip").orElseThrow())
                .extracting(e -> e instanceof LibraryEntry.Song s
                        ? s.song().title()
                        : e.getClass().getSimpleName())
                .containsExactly("Blinding Lights", "Skipped", "Bohemian Rhapsody");
        assertThat(songs(library).get(0).applePlaylists()).containsExactly("Road Trip", "Smart & Loved");
        assertThat(library.playlist("Library")).isEmpty();
    }

    @Test
    void itunes12PlaylistExportIsReadTheSameWay() throws Exception {
        Library library = reader.read(renamed("itunes12-playlist-export.xml"));

        assertThat(songs(library))
                .extracting(s -> s.song().title())
                .containsExactly("Rolling in the Deep", "Smells Like Teen Spirit");
        assertThat(skips(library).values()).containsExactly(SkipReason.VIDEO);
        assertThat(library.playlist("Nineties & Noughties").orElseThrow()).hasSize(3);
    }

    @Test
    void aLibraryThatBreaksOffKeepsTheTracksBeforeAndSaysWhere() throws Exception {
        String whole = Files.readString(fixture("music-app-library.xml"));
        String cut = whole.substring(0, whole.indexOf("<key>205</key>") + 40);

        Library library = reader.read(file(cut));

        assertThat(library.entries()).hasSize(4);
        assertThat(songs(library)).hasSize(2);
        assertThat(library.problems())
                .singleElement()
                .asString()
                .matches(
                        "the XML breaks off at line \\d+ \\(.+\\): the 4 tracks before it were read, nothing after it");
    }

    @Test
    void aPlistValueThatIsNotANumberLeavesTheFieldUnknown() throws Exception {
        String xml = Files.readString(fixture("itunes12-playlist-export.xml"))
                .replace("<integer>385000</integer>", "<integer>6:25</integer>");

        Library library = reader.read(file(xml));

        assertThat(songs(library).get(0).song().durationMs()).isNull();
        assertThat(songs(library)).hasSize(2);
    }

    @Test
    void exportifyCsvWithByteOrderMark() throws Exception {
        Library library = reader.read(renamed("exportify.csv"));

        assertThat(library.format()).isEqualTo(LibraryFormat.CSV);
        assertThat(songs(library))
                .extracting(LibraryEntry.Song::song)
                .containsExactly(
                        new SongQuery(
                                "Bohemian Rhapsody - Remastered 2011",
                                "Queen",
                                "A Night At The Opera (2011 Remaster)",
                                354947,
                                "GBUM71029604",
                                false),
                        new SongQuery("Blinding Lights", "The Weeknd", "After Hours", 200040, "USUG11904206", false),
                        new SongQuery(
                                "Get Lucky (feat. Pharrell Williams and Nile Rodgers)",
                                "Daft Punk, Pharrell Williams, Nile Rodgers",
                                "Random Access Memories",
                                369626,
                                "USQX91300108",
                                false));
        assertThat(songs(library)).extracting(LibraryEntry.Song::source).containsExactly("line 2", "line 3", "line 4");
    }

    @Test
    void tuneMyMusicCsvKeepsPlaylistsAndNamesTheRowWithoutATitle() throws Exception {
        Library library = reader.read(renamed("tunemymusic.csv"));

        assertThat(songs(library))
                .extracting(s -> s.song().title())
                .containsExactly("Rolling in the Deep", "Smells Like Teen Spirit", "Lose Yourself");
        assertThat(unreadable(library))
                .singleElement()
                .extracting(LibraryEntry.Unreadable::source, LibraryEntry.Unreadable::message)
                .containsExactly("line 4", "it has no title");
        assertThat(library.playlist("Favourites").orElseThrow())
                .extracting(LibraryEntry::source)
                .containsExactly("line 2", "line 5");
        assertThat(songs(library).get(0).song().isrc()).isEqualTo("GBBKS1000335");
    }

    @Test
    void soundiizCsvWithSemicolonsAndClockDurations() throws Exception {
        Library library = reader.read(renamed("soundiiz.csv"));

        assertThat(songs(library))
                .extracting(LibraryEntry.Song::song)
                .containsExactly(
                        new SongQuery("Billie Jean", "Michael Jackson", "Thriller", 294_000, "USSM19902991", null),
                        new SongQuery("Hey Jude", "The Beatles", null, 431_000, null, null));
        assertThat(unreadable(library))
                .singleElement()
                .extracting(LibraryEntry.Unreadable::source, LibraryEntry.Unreadable::message)
                .containsExactly("line 4", "\"Imagine\" by John Lennon: the duration 'three minutes' is not a length");
    }

    @Test
    void applePlayHistorySplitsTheTrackDescriptionAndSkipsVideos() throws Exception {
        Library library = reader.read(renamed("apple-play-history.csv"));

        assertThat(songs(library))
                .extracting(LibraryEntry.Song::song)
                .containsExactly(
                        SongQuery.of("Bohemian Rhapsody", "Queen"), SongQuery.of("Blinding Lights", "The Weeknd"));
        assertThat(skips(library)).containsExactly(Map.entry("line 3", SkipReason.VIDEO));
        assertThat(unreadable(library))
                .singleElement()
                .extracting(LibraryEntry.Unreadable::message)
                .isEqualTo("expected 'Artist - Title' but found 'just some words'");
    }

    @Test
    void appleTrackPlayHistoryHasOnlyATrackNameHoldingArtistAndTitle() throws Exception {
        Library library = reader.read(file("""
                Track Name,Last Played Date,Is User Initiated
                Nirvana - Come As You Are,20260105,true
                Radiohead - Creep,20260106,false
                """));

        assertThat(library.format()).isEqualTo(LibraryFormat.CSV);
        assertThat(songs(library))
                .extracting(LibraryEntry.Song::song)
                .containsExactly(SongQuery.of("Come As You Are", "Nirvana"), SongQuery.of("Creep", "Radiohead"));
    }

    @Test
    void aQuotedFieldOverSeveralLinesKeepsLaterLineNumbersRight() throws Exception {
        Library library = reader.read(file("title,artist\n\"Two\nLines\",Someone\nNext,Other\n,Nobody\n"));

        assertThat(songs(library)).extracting(LibraryEntry::source).containsExactly("line 2", "line 4");
        assertThat(unreadable(library)).extracting(LibraryEntry::source).containsExactly("line 5");
    }

    @Test
    void aBrokenCsvKeepsTheRowsBeforeItAndSaysWhichLine() throws Exception {
        Library library = reader.read(file("title,artist\nOne,A\nTwo,B\n\"Three,C\nFour,D\n"));

        assertThat(songs(library)).extracting(s -> s.song().title()).containsExactly("One", "Two");
        assertThat(library.problems())
                .singleElement()
                .asString()
                .startsWith("line 4 cannot be read as CSV (")
                .endsWith("): the rows before it were read, nothing after it");
    }

    @Test
    void textListSkipsCommentsAndBlankLinesAndNamesTheLineItCannotRead() throws Exception {
        Library library = reader.read(renamed("list.txt"));

        assertThat(library.format()).isEqualTo(LibraryFormat.TEXT_LIST);
        assertThat(songs(library))
                .extracting(LibraryEntry::source, s -> s.song())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line 2", SongQuery.of("Bohemian Rhapsody", "Queen")),
                        org.assertj.core.groups.Tuple.tuple("line 3", SongQuery.of("Blinding Lights", "The Weeknd")),
                        org.assertj.core.groups.Tuple.tuple("line 5", SongQuery.of("One More Time", "Daft Punk")),
                        org.assertj.core.groups.Tuple.tuple(
                                "line 7", SongQuery.of("Don't Look Back in Anger - Remastered", "Oasis")));
        assertThat(unreadable(library))
                .singleElement()
                .extracting(LibraryEntry::source, LibraryEntry.Unreadable::message)
                .containsExactly("line 6", "expected 'Artist - Title' but found 'this line has no separator'");
    }

    @Test
    void aCsvHeaderMustBeTheFirstLineSoACommentBeforeItIsRefusedNotMisread() {
        assertThatThrownBy(() -> reader.read(file("# exported songs\ntitle,artist\nOne,A\nTwo,B\n")))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageStartingWith("the first line '# exported songs' is neither a CSV header");
    }

    @Test
    void filesOfNoKnownFormatAreRefusedSayingWhatIsExpected() throws Exception {
        assertThatThrownBy(() -> reader.read(file("")))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessage("the file is empty; " + UnsupportedFormatException.EXPECTED);
        assertThatThrownBy(() -> reader.read(file("<html><body>hello</body></html>")))
                .hasMessageStartingWith(
                        "the file is XML (or HTML) but not an Apple property list; expected a Music.app");
        assertThatThrownBy(() -> reader.read(file("{\"tracks\":[]}"))).hasMessageStartingWith("the file is JSON;");
        assertThatThrownBy(() -> reader.read(file("name,email\nann,ann@example.org\n")))
                .hasMessageStartingWith("the first line 'name,email' is neither a CSV header naming title and artist"
                        + " columns nor an 'Artist - Title' line;");
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "\uFEFFtitle,artist\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(utf16).isNotEmptyFile();
        assertThatThrownBy(() -> reader.read(utf16))
                .hasMessageStartingWith("the file is UTF-16 text (save it as UTF-8);");
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThatThrownBy(() -> reader.read(binary)).hasMessageStartingWith("the file is binary, not text;");
    }
}
