package io.musicsync.cli;

import io.musicsync.AppComponents;
import io.musicsync.config.SettingsException;
import io.musicsync.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./music-sync}: one jar, one subcommand per role. */
@Command(
        name = "music-sync",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Puts the songs you hear on Apple Music into your Spotify playlists.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            SyncCommand.class,
            ImportCommand.class,
            StatusCommand.class,
            HistoryCommand.class,
            SimulatorCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            WhoamiCommand.class,
            MatchEvalCommand.class,
            SearchEvalCommand.class,
            WorkerCommand.class,
            TemporalDevCommand.class,
            TokenCommand.class,
            McpCommand.class,
            BenchCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with all subcommands, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof SettingsException) {
                cmd.getErr().println(error.getMessage());
                return 2;
            }
            if (error instanceof java.io.IOException || error instanceof StoreException) {
                cmd.getErr().println(error.getMessage());
                return 1;
            }
            throw error;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: the one version string, {@link AppComponents#VERSION}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"music-sync " + AppComponents.VERSION};
        }
    }
}
