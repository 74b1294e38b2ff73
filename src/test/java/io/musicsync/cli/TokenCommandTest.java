package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenCommandTest {

    @Test
    void printsAStrongRandomTokenAndTheEnvLine() {
        String first = run();
        String second = run();

        String token = first.lines().findFirst().orElseThrow();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(first).contains("API_TOKEN=" + token);
        assertThat(second.lines().findFirst().orElseThrow()).isNotEqualTo(token);
    }

    private static String run() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        assertThat(command.execute("token")).isZero();
        return out.toString();
    }
}
