package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.Fault;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import io.musicsync.support.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "done when": 200 songs named the Apple Music way (joined artists, "(feat. X)", curly apostrophes,
 * " - Single" albums) into one playlist, against the strict simulator with read-after-write lag of 1.5 s and 429s
 * without Retry-After mixed in, 30 of them sent twice at the same moment. Every sync adds the right track, the
 * playlist holds each exactly once, no sync fails verification, and no call is sent during a Retry-After.
 */
class StrictSpotifyEndToEndTest {

    private static final int SONGS = 200;
    private static final int TWINS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> WORDS = List.of(
            "velvet", "harbor", "paper", "lantern", "cobalt", "meadow", "ember", "violet", "silver", "thunder",
            "orchid", "river", "canyon", "marble", "saffron", "winter", "copper", "willow", "amber", "falcon");

    /** A song in the catalog and as Apple Music names it. */
    private record Song(CatalogEntry spotify, String appleTitle, String appleArtist, String appleAlbum) {}

    private static String word(int i) {
        String w = WORDS.get(i % WORDS.size());
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static Song song(int i) {
        String base = word(i) + " " + word(i / WORDS.size() + 3) + " " + (i + 1);
        String artist = word(i + 7) + " " + word(i / 3 + 11) + " Band " + (i % 50);
        String album = word(i + 5) + " Sessions " + (i + 1);
        String title = i % 5 == 0 ? "Don't Stop The " + base : base;
        List<String> artists = List.of(artist);
        String appleTitle = i % 5 == 0 ? title.replace('\'', '’') : title;
        String appleArtist = artist;
        if (i % 4 == 0) {
            String guest = word(i + 2) + " Guest " + (i % 40);
            artists = List.of(artist, guest);
            appleArtist = artist + " & " + guest;
            appleTitle = appleTitle + " (feat. " + guest + ")";
        }
        String appleAlbum = i % 3 == 0 ? album + " - Single" : album;
        CatalogEntry entry = CatalogEntry.of(title, artists, album, "2020-01-01", 180_000 + i * 1_000, false, null);
        return new Song(entry, appleTitle, appleArtist, appleAlbum);
    }

    private static String request(Song song) {
        ObjectNode body = JSON.createObjectNode();
        body.put("track_name", song.appleTitle());
        body.put("artist", song.appleArtist());
        body.put("album", song.appleAlbum());
        body.put("duration_ms", song.spotify().durationMs() + 400);
        return body.toString();
    }

    @Test
    void twoHundredAppleMusicSongsUnderLagAndSilent429sLandOnceEach() {
        try (TestService service = TestService.standalone(Map.of("SPOTIFY_MAX_REQUESTS_PER_SECOND", "50"))) {
            SpotifySimulator spotify = service.simulator();
            List<Song> songs = new ArrayList<>();
            for (int i = 0; i < SONGS; i++) {
                songs.add(song(i));
            }
            List<TrackJson> tracks =
                    spotify.addTracks(songs.stream().map(Song::spotify).toList());
            spotify.setConsistencyLag(Duration.ofMillis(1500));
            // Spotify's real budget is below ours, and half its 429s come without Retry-After.
            spotify.setRateLimit(40, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5);
            spotify.injectFault(Fault.tooManyRequestsWithoutRetryAfter("add", 2, Duration.ofSeconds(2)));
            spotify.injectFault(Fault.tooManyRequestsWithoutRetryAfter("items", 2, Duration.ofSeconds(2)));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SONGS; i++) {
                String body = request(songs.get(i));
                ids.add(service.submit(body));
                if (i < TWINS) {
                    ids.add(service.submit(body)); // the same song again, at the same moment
                }
            }
            List<String> failures = new ArrayList<>();
            for (String id : ids) {
                JsonNode status = service.awaitFinished(id, Duration.ofSeconds(240));
                if (!status.path("result").path("success").asBoolean(false)) {
                    failures.add(status.toString());
                }
            }

            assertThat(failures).as("syncs that did not add their song").isEmpty();
            List<String> inPlaylist = spotify.playlistUris(service.playlistId());
            Set<String> expected =
                    new HashSet<>(tracks.stream().map(TrackJson::uri).toList());
            assertThat(inPlaylist).as("no duplicates").doesNotHaveDuplicates();
            assertThat(new HashSet<>(inPlaylist)).as("each song's own track").isEqualTo(expected);
            SimulatorStats stats = spotify.stats();
            assertThat(stats.tooManyRequestsWithoutRetryAfter())
                    .as("429s without Retry-After were mixed in")
                    .isPositive();
            assertThat(stats.requestsDuringRetryAfter()).isZero();
            System.out.printf(
                    "strict e2e: %d syncs, %d Spotify calls (%.2f per sync; %d searches), %d 429s (%d without"
                            + " Retry-After)%n",
                    ids.size(),
                    stats.totalRequests(),
                    (double) stats.totalRequests() / ids.size(),
                    stats.requests("search"),
                    stats.tooManyRequests(),
                    stats.tooManyRequestsWithoutRetryAfter());
        }
    }
}
