package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.domain.LoginExpiredException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token refresh, rotation and expiry against the simulator's accounts service. */
class AccessTokensTest {

    @TempDir
    Path configDir;

    private SimulatorHarness harness;

    @BeforeEach
    void start() {
        harness = SimulatorHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void fiftyConcurrentCallersOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        harness.sim.addRefreshToken("stored-refresh");
        TokenStore store = new TokenStore(configDir);
        store.save(new StoredLogin(
                "stored-refresh",
                "stale-access",
                Instant.now().minusSeconds(5),
                null,
                "simulated-listener",
                "Simulated Listener",
                Instant.now().minusSeconds(86_400)));
        SpotifyClient client = harness.module(configDir).client();

        List<SpotifyUser> users = concurrently(50, client::me);

        assertThat(users)
                .extracting(SpotifyUser::id)
                .containsOnly("simulated-listener")
                .hasSize(50);
        assertThat(harness.requests("token")).isEqualTo(1);
        assertThat(harness.requests("me")).isEqualTo(50);
        assertThat(store.load().orElseThrow().accessTokenExpiresAt())
                .isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void fiftyConcurrentCallersRejectedWith401CauseExactlyOneRefresh() throws Exception {
        SpotifyClient client = harness.module(configDir).client();
        client.me();
        harness.sim.expireAccessTokens();

        List<SpotifyUser> users = concurrently(50, client::me);

        assertThat(users).hasSize(50);
        assertThat(harness.requests("token")).isEqualTo(2);
    }

    @Test
    void aRotatedRefreshTokenIsStoredAtOnceAndUsedNextTime() {
        harness.sim.setRotateRefreshTokens(true);
        SpotifyModule module = harness.module(configDir);
        TokenStore store = module.store();

        module.client().me();
        String rotated = store.load().orElseThrow().refreshToken();
        assertThat(rotated).isNotEqualTo(SimulatorHarness.SEED_REFRESH_TOKEN);

        // The old token is revoked now: a second refresh only works with the stored one, also after a restart.
        harness.sim.expireAccessTokens();
        SpotifyModule restarted = harness.module(configDir);
        assertThat(restarted.client().me().id()).isEqualTo("simulated-listener");
        assertThat(store.load().orElseThrow().refreshToken()).isNotIn(rotated, SimulatorHarness.SEED_REFRESH_TOKEN);
        assertThat(harness.requests("token")).isEqualTo(2);
    }

    @Test
    void anExpiredLoginFailsFastWithoutCallingSpotifyAgainUntilANewLogin() throws Exception {
        harness.sim.setInvalidGrant(true);
        SpotifyModule module = harness.module(configDir);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> module.client().me())
                    .isInstanceOf(LoginExpiredException.class)
                    .hasMessage("Spotify login expired: run ./music-sync login");
        }

        assertThat(harness.requests("token")).isEqualTo(1);
        assertThat(harness.requests("me")).isZero();
        assertThat(module.tokens().status().expired()).isTrue();
        assertThat(module.tokens().status().usable()).isFalse();
        assertThat(module.health().login().expired()).isTrue();

        harness.sim.setInvalidGrant(false);
        harness.sim.addRefreshToken("fresh-login-refresh-token"); // the new login's
        module.store().save(StoredLogin.ofRefreshToken("fresh-login-refresh-token"));
        assertThat(module.client().me().id()).isEqualTo("simulated-listener");
        assertThat(module.tokens().status().expired()).isFalse();
    }

    @Test
    void theTokenFileNeverHoldsMoreThanTheOwnerCanRead() throws Exception {
        SpotifyModule module = harness.module(configDir);
        module.client().me();

        assertThat(Files.getPosixFilePermissions(module.store().file()))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        LoginStatus status = module.tokens().status();
        assertThat(status.loggedIn()).isTrue();
        assertThat(status.accessTokenExpiresAt()).isAfter(Instant.now());
    }

    @Test
    void aHeadlessRefreshTokenCountsAsLoggedInBeforeTheFirstCall() {
        LoginStatus status = harness.module(configDir).tokens().status();

        assertThat(status.loggedIn()).isTrue();
        assertThat(status.usable()).isTrue();
        assertThat(status.account()).isNull();
        assertThat(status.expired()).isFalse();
        assertThat(harness.requests("token")).isZero();
    }

    @Test
    void withoutAnyLoginTheStatusIsNotUsable() {
        LoginStatus status = harness.module(configDir, Map.of("SPOTIFY_REFRESH_TOKEN", ""))
                .tokens()
                .status();

        assertThat(status.loggedIn()).isFalse();
        assertThat(status.usable()).isFalse();
    }

    @Test
    void aProcessPicksUpTheRefreshTokenAnotherProcessRotatedInsteadOfExpiring() {
        harness.sim.setRotateRefreshTokens(true);
        SpotifyModule server = harness.module(configDir);
        SpotifyModule worker = harness.module(configDir);
        server.client().me();
        worker.client().me(); // both now hold the same login in memory

        harness.sim.expireAccessTokens();
        server.client().me(); // rotates the refresh token the worker holds in memory

        assertThat(worker.client().me().id()).isEqualTo("simulated-listener");
        assertThat(worker.tokens().status().usable()).isTrue();
        assertThat(server.client().me().id()).isEqualTo("simulated-listener");
        assertThat(harness.requests("token"))
                .as("the worker used the server's fresh token")
                .isEqualTo(2);
    }

    @Test
    void aRefreshRefusedBecauseAnotherProcessRotatedMeanwhileRetriesWithTheStoredToken() throws Exception {
        harness.sim.setRotateRefreshTokens(true);
        SpotifyModule server = harness.module(configDir);
        SpotifyModule worker = harness.module(configDir);
        server.client().me();
        worker.client().me();
        harness.sim.expireAccessTokens();

        // The worker's refresh is slow on the wire; the server rotates the same refresh token before it lands.
        harness.sim.setLatency(Duration.ofMillis(1500));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<SpotifyUser> workerCall = pool.submit(() -> worker.client().me());
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.requests("token") == 2);
            harness.sim.setLatency(Duration.ZERO);
            server.client().me();

            assertThat(workerCall.get(10, TimeUnit.SECONDS).id()).isEqualTo("simulated-listener");
        }
        assertThat(worker.tokens().status().usable()).isTrue();
        assertThat(harness.requests("token"))
                .as("the worker's refused attempt, then no second one")
                .isEqualTo(3);
    }

    @Test
    void aRunningServerNeverOverwritesANewerLoginWithItsOldOne() {
        harness.sim.addRefreshToken("new-login-refresh-token");
        SpotifyModule server = harness.module(configDir);
        server.client().me();
        StoredLogin newLogin = new StoredLogin(
                "new-login-refresh-token", null, null, null, "another-listener", "Another Listener", Instant.now());
        server.store().save(newLogin); // ./music-sync login, run while the server is up

        harness.sim.expireAccessTokens();
        server.client().me();

        StoredLogin stored = server.store().load().orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("new-login-refresh-token");
        assertThat(stored.userId()).isEqualTo("another-listener");
        assertThat(stored.consentedAt()).isEqualTo(newLogin.consentedAt());
        assertThat(stored.accessTokenExpiresAt()).isAfter(Instant.now());
        assertThat(server.tokens().status().account()).isEqualTo("Another Listener");
    }

    @Test
    void aLoginStoredWhileARefreshIsOnTheWireIsKept() throws Exception {
        harness.sim.addRefreshToken("old-refresh-token");
        harness.sim.addRefreshToken("new-login-refresh-token");
        TokenStore store = new TokenStore(configDir);
        store.save(new StoredLogin(
                "old-refresh-token",
                "stale-access",
                Instant.now().minusSeconds(5),
                null,
                "simulated-listener",
                "Simulated Listener",
                Instant.now().minusSeconds(86_400)));
        SpotifyModule server = harness.module(configDir);
        StoredLogin newLogin = new StoredLogin(
                "new-login-refresh-token", null, null, null, "another-listener", "Another Listener", Instant.now());

        harness.sim.setLatency(Duration.ofMillis(1000));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> refreshing = pool.submit(() -> server.tokens().accessToken());
            await().atMost(Duration.ofSeconds(5)).until(() -> harness.requests("token") == 1);
            store.save(newLogin);

            assertThat(refreshing.get(10, TimeUnit.SECONDS)).isNotEqualTo("stale-access");
        }
        assertThat(store.load()).contains(newLogin);
        assertThat(server.tokens().status().account()).isEqualTo("Another Listener");
    }

    /** Runs {@code call} on {@code n} threads released at the same moment. */
    static <T> List<T> concurrently(int n, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
