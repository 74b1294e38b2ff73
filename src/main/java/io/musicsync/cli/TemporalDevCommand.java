package io.musicsync.cli;

import io.temporal.testserver.TestServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Temporal SDK's in-memory test server, so Temporal mode can be tried without Docker. */
@Command(
        name = "temporal-dev",
        mixinStandardHelpOptions = true,
        description = {
            "Run an in-memory Temporal server for development (no Docker needed).",
            "Everything is lost when it stops; no Web UI, no authentication. Not for production:",
            "use docker compose (docs/temporal.md) or Temporal Cloud there."
        })
final class TemporalDevCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7233", description = "gRPC port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
        System.out.printf("Temporal dev server listening on port %d (all interfaces), namespace 'default'.%n", port);
        System.out.println("IN-MEMORY, FOR DEVELOPMENT ONLY: every workflow is lost when it stops, memory grows with"
                + " each sync (it keeps all finished ones), and it has no authentication and no Web UI.");
        String host = port == 7233 ? "" : "TEMPORAL_HOST=localhost:" + port + " ";
        System.out.printf("Next, in other terminals: %s./music-sync worker%n", host);
        System.out.printf("                          ENGINE=temporal %s./music-sync serve%n", host);
        System.out.println("Stop with Ctrl-C.");
        ServeCommand.awaitShutdown(server);
        return 0;
    }
}
