package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Metric labels name the endpoint, never an id or a query: a bounded set of series whatever is synced. */
class SpotifyEndpointLabelTest {

    @Test
    void idsAndQueriesAreLeftOut() {
        assertThat(SpotifyHttp.endpoint("/search?q=track%3AHello&type=track&limit=10"))
                .isEqualTo("/search");
        assertThat(SpotifyHttp.endpoint("/playlists/37i9dQZF1DXcBWIGoYBM5M/items?offset=0&limit=50"))
                .isEqualTo("/playlists/{id}/items");
        assertThat(SpotifyHttp.endpoint("/playlists/37i9dQZF1DXcBWIGoYBM5M")).isEqualTo("/playlists/{id}");
        assertThat(SpotifyHttp.endpoint("/tracks/4uLU6hMCjMI75M1A2tKUQC")).isEqualTo("/tracks/{id}");
        assertThat(SpotifyHttp.endpoint("/me/playlists")).isEqualTo("/me/playlists");
        assertThat(SpotifyHttp.endpoint("/me")).isEqualTo("/me");
    }
}
