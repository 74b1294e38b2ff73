package io.musicsync.cli;

import io.musicsync.config.Settings;
import io.musicsync.config.SettingsException;
import io.musicsync.spotify.StoredLogin;
import io.musicsync.spotify.TokenStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./music-sync whoami}: which Spotify account music-sync uses and when that login ends. */
@Command(
        name = "whoami",
        mixinStandardHelpOptions = true,
        description = "Show the Spotify account music-sync is logged in as and when the login expires.")
public final class WhoamiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Supplier<Settings> settings;

    public WhoamiCommand() {
        this(Settings::fromEnvironment);
    }

    public WhoamiCommand(Supplier<Settings> settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Settings current = settings.get();
            TokenStore store = new TokenStore(current.configDir());
            Optional<StoredLogin> login = store.load();
            if (login.isPresent()) {
                StoredLogin stored = login.get();
                out.println("Logged in to Spotify as " + stored.accountName() + " (" + stored.userId() + ").");
                out.println(
                        stored.consentedAt() == null
                                ? "The login's start is unknown, so is its end."
                                : "Logged in on " + date(stored.consentedAt()) + "; Spotify ends this login on "
                                        + date(stored.loginExpiresAt())
                                        + " (run ./music-sync login again before then).");
                out.flush();
                return 0;
            }
            if (current.spotify().refreshToken() != null) {
                out.println("Using SPOTIFY_REFRESH_TOKEN (no login file at " + store.file()
                        + "): the account and the login's end are unknown until first use.");
                out.flush();
                return 0;
            }
            out.println("Not logged in to Spotify: run ./music-sync login");
            out.flush();
            return 1;
        } catch (SettingsException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    /** A date in the user's time zone, e.g. 2027-05-29; "unknown" for null. */
    static String date(Instant instant) {
        return instant == null
                ? "an unknown date"
                : LocalDate.ofInstant(instant, ZoneId.systemDefault()).toString();
    }
}
