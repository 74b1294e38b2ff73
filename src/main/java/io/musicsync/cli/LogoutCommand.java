package io.musicsync.cli;

import io.musicsync.config.Settings;
import io.musicsync.config.SettingsException;
import io.musicsync.spotify.TokenStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./music-sync logout}: forgets the stored Spotify login. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "Remove the stored Spotify login (the token file in CONFIG_DIR).")
public final class LogoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Supplier<Settings> settings;

    public LogoutCommand() {
        this(Settings::fromEnvironment);
    }

    public LogoutCommand(Supplier<Settings> settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            TokenStore store = new TokenStore(settings.get().configDir());
            if (store.delete()) {
                out.println("Logged out: removed " + store.file() + ".");
                out.println("To revoke music-sync's access at Spotify too, remove it at"
                        + " https://www.spotify.com/account/apps/");
            } else {
                out.println("Not logged in: there is no " + store.file() + ".");
            }
            out.flush();
            return 0;
        } catch (SettingsException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
