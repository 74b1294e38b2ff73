package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {

    @Test
    void isRegisteredWithPortAndHostOptions() {
        CommandLine.ParseResult parsed =
                Main.commandLine().parseArgs("simulator", "--port", "9123", "--host", "0.0.0.0");

        SimulatorCommand command =
                (SimulatorCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(command.port).isEqualTo(9123);
        assertThat(command.host).isEqualTo("0.0.0.0");
    }

    @Test
    void printsTheEnvironmentLinesForTheService() {
        try (SpotifySimulator simulator =
                SpotifySimulator.start(SimulatorOptions.defaults().withLoadCatalog(false))) {
            StringWriter text = new StringWriter();

            SimulatorCommand.printConnectionHelp(new PrintWriter(text), simulator, "playlist123");

            assertThat(text.toString())
                    .contains(
                            "SPOTIFY_API_URL=" + simulator.apiUrl() + "\n",
                            "SPOTIFY_ACCOUNTS_URL=" + simulator.accountsUrl() + "\n",
                            "SPOTIFY_REFRESH_TOKEN=" + SpotifySimulator.DEFAULT_REFRESH_TOKEN + "\n",
                            "DEFAULT_PLAYLIST_ID=playlist123");
            assertThat(simulator.apiUrl().toString()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/v1");
        }
    }
}
