package io.musicsync.cli;

import io.modelcontextprotocol.server.McpSyncServer;
import io.musicsync.AppComponents;
import io.musicsync.config.Settings;
import io.musicsync.engine.SyncEngine;
import io.musicsync.mcp.McpEndpoints;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * The MCP server over stdio, for a desktop assistant that starts it. Stdout carries the protocol and nothing
 * else: everything that would print there (a library, a stray println) goes to stderr with the logs. Runs until
 * the client closes stdin (or the process is stopped); the engine is the one {@code USE_TEMPORAL} selects.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = "Serve music-sync's MCP tools over stdio (for a desktop assistant; the running service"
                + " serves them over HTTP at /mcp).")
final class McpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Settings settings = Settings.fromEnvironment();
        Logging.apply(settings);
        AppComponents app = AppComponents.create(settings);
        SyncEngine engine = app.newEngine();
        EndOfInput input = new EndOfInput(System.in);
        McpSyncServer server = app.newMcp(engine).serveStdio(input, protocol);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeGracefully();
            engine.close();
            app.closeJournal();
        }));
        System.err.printf(
                "music-sync %s MCP server on stdio (%s mode; the service serves it at %s too)%n",
                AppComponents.VERSION, settings.engineKind().settingName(), McpEndpoints.HTTP_PATH);
        input.awaitEnd();
        return 0;
    }

    /** Stdin that tells when the client has closed it: the stdio transport alone would wait forever. */
    private static final class EndOfInput extends FilterInputStream {

        private final CountDownLatch ended = new CountDownLatch(1);

        EndOfInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return ended(super.read(buffer, offset, length));
        }

        private int ended(int result) {
            if (result < 0) {
                ended.countDown();
            }
            return result;
        }

        void awaitEnd() throws InterruptedException {
            ended.await();
        }
    }
}
