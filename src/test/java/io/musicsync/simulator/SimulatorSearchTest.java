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
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withIsrcMissShare(0));
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
    void studioVersionRanksAboveLiveVersionsAndFreeTextAlsoFindsKaraoke() {
        List<String> names = names(search("track:\"Bohemian Rhapsody\" artist:Queen", 10));
        assertThat(names.get(0)).isEqualTo("Bohemian Rhapsody / Queen");
        assertThat(names).allMatch(n -> n.endsWith("/ Queen")).anyMatch(n -> n.contains("Live"));

        List<String> free = names(search("Bohemian Rhapsody Queen", 10));
        assertThat(free.get(0)).isEqualTo("Bohemian Rhapsody / Queen");
        assertThat(free).contains("Bohemian Rhapsody (Originally Performed by Queen) [Karaoke Version] / Sing2Piano");
    }

    @Test
    void filtersMatchWholeWordsAndExactPhrasesNotSoftRelevance() {
        assertThat(search("track:\"Pressure Cooker Blues Tonight Again\" artist:\"Queen\"", 10)
                        .get("total")
                        .asInt())
                .as("no 'Under Pressure' for a title that only shares a word")
                .isZero();
        assertThat(search("track:\"Pressure Under\" artist:Queen", 10)
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(search("track:Pressur artist:Queen", 10).get("total").asInt())
                .as("no prefix match in a filter")
                .isZero();
        assertThat(names(search("track:\"Under Pressure\" artist:Queen", 10)))
                .first()
                .asString()
                .startsWith("Under Pressure");
    }

    @Test
    void artistMatchesOneOfTheTracksArtistsNotAppleMusicsJoinedString() {
        assertThat(names(search("track:\"Under Pressure\" artist:\"David Bowie\"", 10)))
                .first()
                .asString()
                .startsWith("Under Pressure");
        assertThat(search("track:\"Under Pressure\" artist:\"Queen & David Bowie\"", 10)
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(search("track:\"Under Pressure\" artist:\"Queen David\"", 10)
                        .get("total")
                        .asInt())
                .as("a phrase must lie within one artist's name")
                .isZero();
    }

    @Test
    void anApostropheInAFilterMustBeTheCatalogsOwn() {
        // The sample catalog writes "Don't Stop Me Now" with a straight apostrophe.
        assertThat(search("track:\"Don't Stop Me Now\" artist:Queen", 10)
                        .get("total")
                        .asInt())
                .isPositive();
        assertThat(search("track:\"Don’t Stop Me Now\" artist:Queen", 10)
                        .get("total")
                        .asInt())
                .as("curly apostrophe")
                .isZero();
        assertThat(search("track:\"Dont Stop Me Now\" artist:Queen", 10)
                        .get("total")
                        .asInt())
                .as("apostrophe dropped")
                .isZero();
        assertThat(search("dont track:\"Stop Me Now\" artist:Queen", 10)
                        .get("total")
                        .asInt())
                .as("free text ignores apostrophes")
                .isPositive();
        assertThat(search("don’t stop me now queen", 10).get("total").asInt()).isPositive();
    }

    @Test
    void aShareOfIsrcSearchesComesBackEmptyTheSameWayEachTime() {
        String isrc = "GBUM71029604";
        try {
            simulator.setIsrcMissShare(0);
            assertThat(search("isrc:" + isrc, 5).get("total").asInt()).isPositive();
            simulator.setIsrcMissShare(1);
            assertThat(search("isrc:" + isrc, 5).get("total").asInt()).isZero();
            simulator.setIsrcMissShare(0.5);
            boolean misses = simulator.isrcMisses(isrc);
            assertThat(search("isrc:" + isrc, 5).get("total").asInt() == 0).isEqualTo(misses);
            assertThat(simulator.isrcMisses(isrc)).isEqualTo(misses);
        } finally {
            simulator.setIsrcMissShare(0);
        }
        simulator.setIsrcMissShare(0.1);
        int misses = 0;
        for (int i = 0; i < 1000; i++) {
            misses += simulator.isrcMisses("USXX1%07d".formatted(i)) ? 1 : 0;
        }
        simulator.setIsrcMissShare(0);
        assertThat(misses).as("about a tenth of ISRCs").isBetween(60, 140);
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
