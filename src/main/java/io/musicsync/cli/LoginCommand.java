package io.musicsync.cli;

import io.musicsync.config.Settings;
import io.musicsync.config.SettingsException;
import io.musicsync.domain.SyncException;
import io.musicsync.spotify.AuthorizationRequest;
import io.musicsync.spotify.CallbackListener;
import io.musicsync.spotify.LoginFailedException;
import io.musicsync.spotify.OAuthLogin;
import io.musicsync.spotify.SpotifyModule;
import io.musicsync.spotify.StoredLogin;
import io.musicsync.spotify.TokenStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./music-sync login}: authorizes music-sync for the user's Spotify account and stores the tokens. */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Log in to Spotify (authorization code with PKCE, or with SPOTIFY_CLIENT_SECRET) and store"
                + " the tokens in CONFIG_DIR, readable by you only.")
public final class LoginCommand implements Callable<Integer> {

    @Option(
            names = "--no-browser",
            description = "Do not open a browser or listen for the redirect: print the link, then paste the"
                    + " address your browser was sent to (for machines without a browser).")
    boolean noBrowser;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            paramLabel = "SECONDS",
            description = "How long to wait for Spotify's redirect (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Supplier<Settings> settings;
    private final InputStream stdin;
    private final Browser browser;

    public LoginCommand() {
        this(Settings::fromEnvironment, System.in, Browser.desktop());
    }

    public LoginCommand(Supplier<Settings> settings, InputStream stdin, Browser browser) {
        this.settings = settings;
        this.stdin = stdin;
        this.browser = browser;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Settings current = settings.get();
            Settings.Spotify spotify = current.spotify();
            TokenStore store = new TokenStore(current.configDir());
            OAuthLogin login = new OAuthLogin(spotify, SpotifyModule.httpClient(spotify), store, Clock.systemUTC());
            AuthorizationRequest request = login.begin();
            URI redirected = noBrowser ? pasted(request, out) : received(request, out);
            StoredLogin stored = login.complete(request, redirected);
            out.println("Logged in to Spotify as " + stored.accountName() + " (" + stored.userId() + ").");
            out.println("Tokens stored in " + store.file() + " (readable by you only).");
            out.println("Spotify ends this login on " + WhoamiCommand.date(stored.loginExpiresAt())
                    + "; run ./music-sync login again before then.");
            out.flush();
            return 0;
        } catch (SettingsException | LoginFailedException | SyncException e) {
            err.println("Login failed: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private URI received(AuthorizationRequest request, PrintWriter out) throws IOException, InterruptedException {
        try (CallbackListener listener = CallbackListener.start(request)) {
            out.println("Open this link to let music-sync use your Spotify playlists:");
            out.println();
            out.println("  " + request.authorizeUrl());
            out.println();
            out.println("Waiting for Spotify to send your browser to " + request.redirectUri() + " ...");
            out.flush();
            browser.open(request.authorizeUrl());
            return listener.await(Duration.ofSeconds(timeoutSeconds));
        } catch (java.net.BindException e) {
            throw new LoginFailedException("cannot listen on " + request.redirectUri() + " (" + e.getMessage()
                    + "): free that port, change SPOTIFY_REDIRECT_URI, or use --no-browser");
        }
    }

    private URI pasted(AuthorizationRequest request, PrintWriter out) throws IOException {
        out.println("Open this link in any browser and approve:");
        out.println();
        out.println("  " + request.authorizeUrl());
        out.println();
        out.println("Your browser is then sent to " + request.redirectUri() + "?code=... (the page may not load)."
                + " Paste that whole address here:");
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
            throw new LoginFailedException("no address was pasted");
        }
        try {
            return URI.create(line.strip());
        } catch (IllegalArgumentException e) {
            throw new LoginFailedException("that is not an address: paste the whole line from the address bar");
        }
    }
}
