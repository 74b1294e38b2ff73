package io.musicsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./music-sync}: one jar, one subcommand per role. */
@Command(name = "music-sync", mixinStandardHelpOptions = true, version = "music-sync 0.1.0",
        description = "Puts the songs you hear on Apple Music into your Spotify playlists.",
        subcommands = {
                LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
                SimulatorCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with all subcommands, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
