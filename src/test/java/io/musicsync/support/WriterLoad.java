package io.musicsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.CatalogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Loads for the playlist writer, shared by its end-to-end test and its benchmark. */
public final class WriterLoad {

    private WriterLoad() {}

    /**
     * Requests for the songs in a fixed random order; the first {@code twins} of them twice in a row, so that two
     * clients send them at the same moment.
     */
    public static List<String> withTwins(List<CatalogEntry> songs, int twins) {
        List<CatalogEntry> shuffled = new ArrayList<>(songs);
        Collections.shuffle(shuffled, new Random(9));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            String body = SyntheticSongs.requestBody(shuffled.get(i));
            requests.add(body);
            if (i < twins) {
                requests.add(body);
            }
        }
        return requests;
    }

    /** Submits every request from 16 clients at once, then waits for every sync to finish; their final statuses. */
    public static List<JsonNode> syncAll(TestService service, List<String> requests) {
        List<String> ids;
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<String>> submitted = requests.stream()
                    .map(body -> CompletableFuture.supplyAsync(() -> service.submit(body), clients))
                    .toList();
            ids = submitted.stream().map(CompletableFuture::join).toList();
        }
        return ids.stream()
                .map(id -> service.awaitFinished(id, Duration.ofSeconds(120)))
                .toList();
    }
}
