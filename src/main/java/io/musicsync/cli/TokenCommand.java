package io.musicsync.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a new random API token (256 bits) and the {@code .env} line that sets it. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Print a strong random API token and the .env line to use it.",
            "Clients (the iOS Shortcut, the dashboard, Prometheus) send it as 'Authorization: Bearer <token>'."
        })
final class TokenCommand implements Callable<Integer> {

    static final int BYTES = 32;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String token = newToken(new SecureRandom());
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Add this line to .env (and keep the file private: chmod 600 .env):");
        spec.commandLine().getOut().println("API_TOKEN=" + token);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** URL-safe Base64 without padding: safe in headers, .env files and shell lines without quoting. */
    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
