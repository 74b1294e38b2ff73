package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.sync.LoginExpiredException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        TokenStore store = new TokenStore(configDir);
        store.save(new StoredLogin("stored-refresh", "stale-access", Instant.now().minusSeconds(5), null,
                "simulated-listener", "Simulated Listener", Instant.now().minusSeconds(86_400)));
        SpotifyClient client = harness.module(configDir).client();

        List<SpotifyUser> users = concurrently(50, client::me);

        assertThat(users).extracting(SpotifyUser::id).containsOnly("simulated-listener").hasSize(50);
        assertThat(harness.requests("token")).isEqualTo(1);
        assertThat(harness.requests("me")).isEqualTo(50);
        assertThat(store.load().orElseThrow().accessTokenExpiresAt()).isAfter(Instant.now().plusSeconds(3000));
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
            assertThatThrownBy(() -> module.client().me()).isInstanceOf(LoginExpiredException.class)
                    .hasMessage("Spotify login expired: run ./music-sync login");
        }

        assertThat(harness.requests("token")).isEqualTo(1);
        assertThat(harness.requests("me")).isZero();
        assertThat(module.tokens().status().expired()).isTrue();
        assertThat(module.health().login().expired()).isTrue();

        harness.sim.setInvalidGrant(false);
        module.store().save(StoredLogin.ofRefreshToken("fresh-login-refresh-token"));
        assertThat(module.client().me().id()).isEqualTo("simulated-listener");
        assertThat(module.tokens().status().expired()).isFalse();
    }

    @Test
    void theTokenFileNeverHoldsMoreThanTheOwnerCanRead() throws Exception {
        SpotifyModule module = harness.module(configDir);
        module.client().me();

        assertThat(Files.getPosixFilePermissions(module.store().file()))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        LoginStatus status = module.tokens().status();
        assertThat(status.loggedIn()).isTrue();
        assertThat(status.accessTokenExpiresAt()).isAfter(Instant.now());
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
