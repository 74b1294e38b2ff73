/**
 * A Spotify simulator: the Web API ({@code /v1}) and the accounts service ({@code /authorize},
 * {@code /api/token}) in one in-memory HTTP server, following the 2026 Development-Mode wire format, so the real
 * client code is exercised over real HTTP in tests and the demo.
 *
 * <pre>{@code
 * try (SpotifySimulator spotify = SpotifySimulator.start(SimulatorOptions.defaults())) {
 *     String playlist = spotify.createPlaylist("Heard on Apple Music");
 *     // point the client at spotify.apiUrl() and spotify.accountsUrl(), with any client id and
 *     // SpotifySimulator.DEFAULT_REFRESH_TOKEN; then, for example:
 *     spotify.injectFault(new Fault("search", 429, 1, Duration.ofSeconds(2)));
 *     spotify.expireAccessTokens();
 *     assertThat(spotify.playlistUris(playlist)).hasSize(1);
 *     assertThat(spotify.stats().requestsDuringRetryAfter()).isZero();
 * }
 * }</pre>
 *
 * <p>{@link io.musicsync.simulator.SpotifySimulator} is the whole public surface, with
 * {@link io.musicsync.simulator.SimulatorOptions}, {@link io.musicsync.simulator.Fault},
 * {@link io.musicsync.simulator.SimulatorStats} and the wire records it returns. The same controls exist
 * over HTTP under {@code /_sim/} for loopback clients.
 */
package io.musicsync.simulator;
