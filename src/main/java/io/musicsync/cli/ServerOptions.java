package io.musicsync.cli;

import picocli.CommandLine.Option;

/** Where a running music-sync server is, for commands that talk to it over HTTP. */
final class ServerOptions {

    @Option(
            names = "--server",
            description = "Base URL of the running service (default: http://127.0.0.1:$API_PORT,"
                    + " API_PORT defaulting to 8000). API_TOKEN is sent when set.")
    String server;

    ApiClient client() {
        String base = server;
        if (base == null) {
            String port = System.getenv().getOrDefault("API_PORT", "8000");
            base = "http://127.0.0.1:" + port;
        }
        return new ApiClient(base, System.getenv("API_TOKEN"));
    }
}
