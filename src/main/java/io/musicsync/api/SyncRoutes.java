package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.musicsync.api.dto.CancelAccepted;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.api.dto.SyncAccepted;
import io.musicsync.api.dto.SyncHistoryBody;
import io.musicsync.api.dto.SyncListBody;
import io.musicsync.api.dto.SyncStatusBody;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.SyncEngine;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The sync endpoints: submit, status, cancel, history, list. They know only {@link SyncEngine}. */
public final class SyncRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/sync";
    static final String LIST = "/api/v1/syncs";

    private final SyncEngine engine;
    private final SyncRequestParser parser;
    private final BooleanSupplier aiAvailable;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SyncRoutes(SyncEngine engine, SyncRequestParser parser, BooleanSupplier aiAvailable, Clock clock) {
        this.engine = engine;
        this.parser = parser;
        this.aiAvailable = aiAvailable;
        this.mapper = ApiJson.newMapper();
        this.clock = clock;
    }

    @Override
    public void declare(TokenAccess access) {
        path(BASE, () -> {
            post(this::submit, ApiRole.CLIENT);
            get("{id}", this::status, ApiRole.CLIENT);
            post("{id}/cancel", this::cancel, ApiRole.CLIENT);
            get("{id}/history", this::history, ApiRole.CLIENT);
        });
        get(LIST, this::list, ApiRole.CLIENT);
    }

    private void submit(Context ctx) {
        JsonNode body;
        try {
            // From the bytes: Jackson then refuses invalid UTF-8 instead of reading replacement characters.
            body = mapper.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            invalidJson(ctx, e.getOriginalMessage());
            return;
        } catch (IOException e) {
            // Reading bytes already in memory: only a malformed body gets here.
            invalidJson(ctx, e.getMessage());
            return;
        }
        SyncSubmission submission = parser.parse(body);
        SyncStatus status =
                engine.start(submission.toRequest(ctx.header("Idempotency-Key"), aiAvailable.getAsBoolean()));
        ctx.status(HttpStatus.ACCEPTED)
                .json(new SyncAccepted(
                        status.syncId(),
                        "accepted",
                        "Sync started for " + submission.song(),
                        BASE + "/" + status.syncId()));
    }

    private void invalidJson(Context ctx, String problem) {
        ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorBody(
                        "invalid_json", "The request body is not valid JSON: " + problem, null, clock.instant()));
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        engine.status(id)
                .ifPresentOrElse(
                        status -> ctx.json(SyncStatusBody.from(status, clock.instant())), () -> notFound(ctx, id));
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        engine.history(id)
                .ifPresentOrElse(events -> ctx.json(SyncHistoryBody.from(id, events)), () -> notFound(ctx, id));
    }

    private void list(Context ctx) {
        SyncListQuery query;
        try {
            query = SyncListParams.parse(ctx);
        } catch (SyncListParams.QueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new ErrorBody(
                            "invalid_query", "Invalid query: " + e.getMessage(), e.errors(), clock.instant()));
            return;
        }
        ctx.json(SyncListBody.from(engine.list(query)));
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
