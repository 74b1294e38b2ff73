package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorSearchTest {

    private static SpotifySimulator simulator;
    private static SimHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults());
        http = new SimHttp(simulator);
        token = http.accessToken();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static JsonNode search(String q, int limit) {
        SimHttp.Answer answer = http.get("/search?type=track&limit=" + limit + "&q=" + SimHttp.encode(q), token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("tracks");
    }

    private static List<String> names(JsonNode tracks) {
        List<String> names = new ArrayList<>();
        tracks.get("items")
                .forEach(t -> names.add(t.get("name").asText() + " / "
                        + t.get("artists").get(0).get("name").asText()));
        return names;
    }

    @Test
    void studioVersionRanksAboveLiveAndKaraokeVersions() {
        JsonNode tracks = search("track:\"Bohemian Rhapsody\" artist:Queen", 10);

        List<String> names = names(tracks);
        assertThat(names.get(0)).isEqualTo("Bohemian Rhapsody / Queen");
        int karaoke = names.indexOf("Bohemian Rhapsody (Originally Performed by Queen) [Karaoke Version] / Sing2Piano");
        assertThat(karaoke).as("karaoke is a candidate, ranked low: %s", names).isGreaterThan(0);
        assertThat(names.subList(0, karaoke)).allMatch(n -> n.endsWith("/ Queen"));
    }

    @Test
    void trackObjectHasTheDevelopmentModeShape() {
        JsonNode track = search("isrc:GBUM71029604", 5).get("items").get(0);

        assertThat(track.get("name").asText()).isEqualTo("Bohemian Rhapsody - Remastered 2011");
        assertThat(track.get("uri").asText())
                .isEqualTo("spotify:track:" + track.get("id").asText());
        assertThat(track.get("id").asText()).matches("[A-Za-z0-9]{22}");
        assertThat(track.get("external_ids").get("isrc").asText()).isEqualTo("GBUM71029604");
        assertThat(track.get("album").get("release_date").asText()).isEqualTo("1975-11-21");
        assertThat(track.get("is_playable").asBoolean()).isTrue();
        assertThat(track.has("popularity")
                        || track.has("available_markets")
                        || track.has("preview_url")
                        || track.has("linked_from"))
                .isFalse();
    }

    @Test
    void filtersAreCaseAndAccentInsensitiveAndYearNarrows() {
        assertThat(names(search("track:halo artist:beyonce", 5))).first().isEqualTo("Halo / Beyoncé");
        assertThat(names(search("artist:\"Tears for Fears\" mad world year:1983", 5)))
                .containsExactly("Mad World / Tears For Fears");
        assertThat(search("track:\"Mad World\" year:2001", 5).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void sameTitleByOtherArtistsComesBackForATitleSearch() {
        assertThat(names(search("track:Hello", 10)))
                .contains("Hello / Adele", "Hello / Lionel Richie", "Hello / Evanescence");
        assertThat(names(search("Hello Adele", 10))).first().isEqualTo("Hello / Adele");
    }

    @Test
    void artistFilterLeavesOutCoversByOtherArtists() {
        assertThat(names(search("track:\"Bohemian Rhapsody\" artist:Queen", 10)))
                .noneMatch(n -> n.endsWith("/ Panic! At The Disco") || n.endsWith("/ Pentatonix"));
    }

    @Test
    void limitAboveTenIsRejectedLikeSpotify() {
        SimHttp.Answer answer = http.get("/search?type=track&limit=11&q=hello", token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").get("message").asText()).isEqualTo("Invalid limit");
        assertThat(answer.json().get("error").get("status").asInt()).isEqualTo(400);
    }

    @Test
    void pagesWithNextAndPrevious() {
        JsonNode first = search("Bohemian Rhapsody", 2);
        assertThat(first.get("total").asInt()).isGreaterThan(4);
        assertThat(first.get("previous").isNull()).isTrue();
        String next = first.get("next").asText();
        assertThat(next)
                .startsWith(simulator.apiUrl() + "/search?")
                .contains("offset=2")
                .contains("limit=2");

        JsonNode second = http.get(next.substring(simulator.apiUrl().toString().length()), token)
                .json()
                .get("tracks");
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        assertThat(names(second)).doesNotContainAnyElementsOf(names(first));
        assertThat(second.get("previous").asText()).contains("offset=0");
    }
}
