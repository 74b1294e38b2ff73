package io.musicsync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows one sync's status; without an id, a table of recent syncs (or, with {@code --health}, the health). */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a sync's status; without an id, list recent syncs (newest first).")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SYNC_ID", description = "The workflow_id returned when the sync started")
    String syncId;

    @Option(names = "--limit", defaultValue = "20", description = "How many syncs to list (1-100, default 20)")
    int limit;

    @Option(
            names = "--status",
            paramLabel = "STATE",
            description = "Only syncs in this state: running, completed, failed or cancelled")
    String state;

    @Option(names = "--health", description = "Show the service's health instead")
    boolean health;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient api = server.client();
        PrintWriter out = spec.commandLine().getOut();
        if (syncId == null && !health) {
            String path = "/api/v1/syncs?limit=" + limit + (state == null ? "" : "&status=" + state);
            ApiClient.Answer answer = api.get(path);
            if (answer.status() != 200) {
                spec.commandLine().getErr().println(api.pretty(answer.body()));
                return 1;
            }
            out.print(SyncTable.render(answer.body()));
            out.flush();
            return 0;
        }
        ApiClient.Answer answer = api.get(health ? "/api/v1/health" : "/api/v1/sync/" + syncId);
        out.println(api.pretty(answer.body()));
        out.flush();
        return answer.status() == 200 ? 0 : 1;
    }
}
