package io.musicsync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.musicsync.api.dto.CancelAccepted;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.api.dto.SyncAccepted;
import io.musicsync.api.dto.SyncStatusBody;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.SyncEngine;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The sync endpoints: submit, status, cancel. They know only {@link SyncEngine}. */
final class SyncRoutes {

    static final String BASE = "/api/v1/sync";

    private final SyncEngine engine;
    private final SyncRequestParser parser;
    private final BooleanSupplier aiAvailable;
    private final ObjectMapper mapper;
    private final Clock clock;

    SyncRoutes(
            SyncEngine engine,
            SyncRequestParser parser,
            BooleanSupplier aiAvailable,
            ObjectMapper mapper,
            Clock clock) {
        this.engine = engine;
        this.parser = parser;
        this.aiAvailable = aiAvailable;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.post(BASE, this::submit);
        app.get(BASE + "/{id}", this::status);
        app.post(BASE + "/{id}/cancel", this::cancel);
    }

    private void submit(Context ctx) {
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new ErrorBody(
                            "invalid_json",
                            "The request body is not valid JSON: " + e.getOriginalMessage(),
                            null,
                            clock.instant()));
            return;
        }
        SyncSubmission submission = parser.parse(body);
        String syncId = SyncIds.forRequest(ctx.header("Idempotency-Key"), submission);
        SyncStatus status = engine.start(submission.toRequest(syncId, aiAvailable.getAsBoolean()));
        ctx.status(HttpStatus.ACCEPTED)
                .json(new SyncAccepted(
                        status.syncId(),
                        "accepted",
                        "Sync started for " + submission.song(),
                        BASE + "/" + status.syncId()));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        engine.status(id)
                .ifPresentOrElse(
                        status -> ctx.json(SyncStatusBody.from(status, clock.instant())), () -> notFound(ctx, id));
    }

    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        CancelOutcome outcome = engine.cancel(id);
        switch (outcome) {
            case CANCELLING ->
                ctx.status(HttpStatus.ACCEPTED)
                        .json(new CancelAccepted(
                                id,
                                "cancelling",
                                "Cancellation requested: the sync stops before its next step; if it has already started adding its"
                                        + " track, it runs to its end and reports that"));
            case ALREADY_FINISHED ->
                ctx.status(HttpStatus.CONFLICT)
                        .json(new ErrorBody(
                                "already_finished", "Sync " + id + " has already finished", null, clock.instant()));
            case TOO_LATE ->
                ctx.status(HttpStatus.CONFLICT)
                        .json(new ErrorBody(
                                "too_late",
                                "Sync " + id + " is already adding its track; it runs to its end",
                                null,
                                clock.instant()));
            case NOT_FOUND -> notFound(ctx, id);
        }
    }

    private void notFound(Context ctx, String id) {
        ctx.status(HttpStatus.NOT_FOUND)
                .json(new ErrorBody("not_found", "No sync with id " + id, null, clock.instant()));
    }
}
