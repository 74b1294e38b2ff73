package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.cli.LoginCommand;
import io.musicsync.cli.LogoutCommand;
import io.musicsync.cli.WhoamiCommand;
import io.musicsync.config.Settings;
import io.musicsync.simulator.SpotifySimulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code login}, {@code whoami} and {@code logout} end to end against the simulator's accounts service. */
class LoginCommandTest {

    private static final Pattern AUTHORIZE_URL = Pattern.compile("(http://\\S+/authorize\\?\\S+)");

    @TempDir
    Path configDir;

    private SimulatorHarness harness;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    /** The "browser": a plain HTTP client that does not follow redirects, so the test sees each hop. */
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private URI redirectUri;

    @BeforeEach
    void start() {
        harness = SimulatorHarness.start();
        redirectUri = URI.create("http://127.0.0.1:" + SimulatorHarness.freeLoopbackPort() + "/callback");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        harness.close();
    }

    @Test
    void logsInWithPkceThroughTheCallbackListener() throws Exception {
        Settings settings = settings(Map.of());
        Future<Integer> exit =
                pool.submit(() -> run(new LoginCommand(() -> settings, InputStream.nullInputStream(), uri -> false)));

        URI authorize = awaitAuthorizeUrl();
        assertThat(authorize.getQuery())
                .contains(
                        "code_challenge_method=S256",
                        "code_challenge=",
                        "redirect_uri=" + redirectUri,
                        "scope=playlist-read-private playlist-read-collaborative"
                                + " playlist-modify-public playlist-modify-private");
        URI callback = followAuthorize(authorize);
        HttpResponse<String> page = get(callback);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Logged in to Spotify as " + SpotifySimulator.USER_DISPLAY_NAME);
        assertLoggedIn(settings);
    }

    @Test
    void logsInWithTheClientSecretWhenOneIsSet() throws Exception {
        Settings settings = settings(Map.of("SPOTIFY_CLIENT_SECRET", SimulatorHarness.CLIENT_SECRET));
        Future<Integer> exit =
                pool.submit(() -> run(new LoginCommand(() -> settings, InputStream.nullInputStream(), uri -> false)));

        URI authorize = awaitAuthorizeUrl();
        assertThat(authorize.getQuery()).doesNotContain("code_challenge");
        get(followAuthorize(authorize));

        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertLoggedIn(settings);
    }

    @Test
    void withoutABrowserReadsThePastedAddressAndListensNowhere() throws Exception {
        Settings settings = settings(Map.of());
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        Future<Integer> exit =
                pool.submit(() -> run(new LoginCommand(() -> settings, stdin, uri -> false), "--no-browser"));

        URI callback = followAuthorize(awaitAuthorizeUrl());
        assertThatThrownBy(() -> get(callback)).isInstanceOf(ConnectException.class);
        typing.write((callback + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();

        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertLoggedIn(settings);
    }

    @Test
    void refusesARedirectWithAnotherState() throws Exception {
        Settings settings = settings(Map.of());
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        Future<Integer> exit =
                pool.submit(() -> run(new LoginCommand(() -> settings, stdin, uri -> false), "--no-browser"));

        URI callback = followAuthorize(awaitAuthorizeUrl());
        String forged = callback.toString().replaceAll("state=[^&]+", "state=forged");
        typing.write((forged + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString()).contains("state mismatch");
        assertThat(harness.requests("token")).isZero();
        assertThat(new TokenStore(configDir).file()).doesNotExist();
    }

    @Test
    void namesTheMissingClientId() {
        Settings settings = settings(Map.of("SPOTIFY_CLIENT_ID", ""));

        int exit = run(new LoginCommand(() -> settings, new ByteArrayInputStream(new byte[0]), uri -> false));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("SPOTIFY_CLIENT_ID is not set");
        assertThat(harness.requests("authorize")).isZero();
    }

    @Test
    void logoutRemovesTheLoginAndWhoamiSaysSo() {
        Settings settings = settings(Map.of("SPOTIFY_REFRESH_TOKEN", ""));
        new TokenStore(configDir).save(StoredLogin.ofRefreshToken("some-refresh-token"));

        assertThat(run(new LogoutCommand(() -> settings))).isZero();
        assertThat(new TokenStore(configDir).file()).doesNotExist();
        assertThat(run(new WhoamiCommand(() -> settings))).isEqualTo(1);
        assertThat(out.toString()).contains("Not logged in to Spotify: run ./music-sync login");
    }

    @Test
    void theCommandsAreRegisteredWithTheMainCommandLine() {
        assertThat(io.musicsync.cli.Main.commandLine().getSubcommands()).containsKeys("login", "logout", "whoami");
    }

    private void assertLoggedIn(Settings settings) throws Exception {
        Path file = new TokenStore(configDir).file();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        StoredLogin stored = new TokenStore(configDir).load().orElseThrow();
        assertThat(stored.userId()).isEqualTo(SpotifySimulator.USER_ID);
        assertThat(stored.refreshToken()).isNotBlank();
        assertThat(out.toString()).doesNotContain(stored.refreshToken(), stored.accessToken());

        StringWriter whoami = new StringWriter();
        CommandLine command = new CommandLine(new WhoamiCommand(() -> settings));
        command.setOut(new PrintWriter(whoami, true));
        assertThat(command.execute()).isZero();
        assertThat(whoami.toString())
                .contains(
                        SpotifySimulator.USER_DISPLAY_NAME,
                        SpotifySimulator.USER_ID,
                        "Spotify ends this login on "
                                + LocalDate.ofInstant(stored.loginExpiresAt(), ZoneId.systemDefault()));
        assertThat(stored.consentedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());

        // The stored login works for the API client too.
        assertThat(SpotifyModule.create(settings, java.time.Clock.systemUTC())
                        .client()
                        .me()
                        .id())
                .isEqualTo(SpotifySimulator.USER_ID);
    }

    private Settings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_REDIRECT_URI", redirectUri.toString());
        env.put("SPOTIFY_REFRESH_TOKEN", "");
        env.putAll(extra);
        return harness.settings(configDir, env);
    }

    private int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private URI awaitAuthorizeUrl() {
        Matcher[] found = new Matcher[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found[0] = AUTHORIZE_URL.matcher(out.toString());
            return found[0].find();
        });
        return URI.create(found[0].group(1));
    }

    /** GETs Spotify's authorize URL (the simulator approves at once) and returns where it redirects. */
    private URI followAuthorize(URI authorize) throws Exception {
        HttpResponse<String> answer = get(authorize);
        assertThat(answer.statusCode()).isEqualTo(302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?");
        return location;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
