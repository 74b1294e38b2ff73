package io.musicsync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a sync's history, one event a line. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Print a sync's history: steps, failed attempts, the decision, the add, resumes.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYNC_ID", description = "The workflow_id returned when the sync started")
    String syncId;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient api = server.client();
        ApiClient.Answer answer = api.get("/api/v1/sync/" + syncId + "/history");
        if (answer.status() != 200) {
            spec.commandLine().getErr().println(answer.body().path("message").asText("no history for " + syncId));
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(SyncTable.history(answer.body()));
        out.flush();
        return 0;
    }
}
