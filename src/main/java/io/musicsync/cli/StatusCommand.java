package io.musicsync.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shows one sync's status, or the service's health when no id is given. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a sync's status (or, without an id, the service's health).")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Parameters(arity = "0..1", paramLabel = "SYNC_ID", description = "The workflow_id returned when the sync started")
    String syncId;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiClient api = server.client();
        ApiClient.Answer answer = api.get(syncId == null ? "/api/v1/health" : "/api/v1/sync/" + syncId);
        System.out.println(api.pretty(answer.body()));
        return answer.status() == 200 ? 0 : 1;
    }
}
