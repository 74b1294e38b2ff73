package io.musicsync.engine.temporal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.SyncActivity;
import io.musicsync.domain.SyncStep;
import io.musicsync.sync.EventDetails;
import io.musicsync.sync.SyncEvent;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sync's history in Temporal mode, derived from its workflow history in the shape standalone mode journals:
 * activities scheduled and completed are steps started and completed, a retried activity's start carries the
 * failure of the attempt before it, and the results of matching, the AI step and the add become their events (the
 * add's outcome from the playlist writer's answer signal, or from the add activity or child of older syncs).
 * Workflow tasks a worker did not finish (it died) show as {@code resumed}: another worker took the sync over.
 */
final class WorkflowHistoryReader {

    /** The activity that hands a track to the playlist's writer; its answer comes back as a signal. */
    private static final String REQUEST_ADD = "RequestPlaylistAdd";

    private static final String ADD_DONE_SIGNAL = "playlistAddDone";

    private final DataConverter converter;
    private boolean handedToWriter;
    private boolean reviewAnswered;
    private int reviewTimeoutDays;
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Activity type by the id of its scheduled event. */
    private final Map<Long, String> scheduled = new HashMap<>();

    private final List<SyncEvent> events = new ArrayList<>();

    WorkflowHistoryReader(DataConverter converter) {
        this.converter = converter;
    }

    List<SyncEvent> read(List<HistoryEvent> history) {
        for (HistoryEvent event : history) {
            Instant at = instant(event.getEventTime());
            switch (event.getEventType()) {
                case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
                    events.add(SyncEvent.of(at, SyncEvent.Type.STEP_STARTED, SyncStep.QUEUED, "sync accepted"));
                case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
                    String activity = event.getActivityTaskScheduledEventAttributes()
                            .getActivityType()
                            .getName();
                    scheduled.put(event.getEventId(), activity);
                    SyncStep step = stepOf(activity);
                    boolean again = REQUEST_ADD.equals(activity) && handedToWriter;
                    handedToWriter |= REQUEST_ADD.equals(activity);
                    if (!again) {
                        events.add(SyncEvent.of(at, SyncEvent.Type.STEP_STARTED, step, step.wireName() + " started"));
                    }
                }
                case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
                    // Temporal records a retried activity's start once, with its attempt number and (a real server)
                    // the failure of the attempt before it; the earlier attempts' errors are not kept.
                    var started = event.getActivityTaskStartedEventAttributes();
                    SyncStep step = stepOf(scheduled.get(started.getScheduledEventId()));
                    for (int attempt = 1; attempt < started.getAttempt(); attempt++) {
                        String error = attempt == started.getAttempt() - 1 && started.hasLastFailure()
                                ? message(started.getLastFailure())
                                : "not recorded in the Temporal history";
                        events.add(SyncEvent.attemptFailed(at, step, attempt, error, null));
                    }
                }
                case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
                    var completed = event.getActivityTaskCompletedEventAttributes();
                    String activity = scheduled.get(completed.getScheduledEventId());
                    if (!REQUEST_ADD.equals(activity)) { // the writer answers by signal
                        completed(at, activity, completed.getResult());
                    }
                }
                case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
                    var failed = event.getActivityTaskFailedEventAttributes();
                    SyncStep step = stepOf(scheduled.get(failed.getScheduledEventId()));
                    events.add(new SyncEvent(
                            at,
                            SyncEvent.Type.ATTEMPT_FAILED,
                            step,
                            "last attempt failed",
                            null,
                            message(failed.getFailure()),
                            null,
                            null));
                }
                case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
                    var timedOut = event.getActivityTaskTimedOutEventAttributes();
                    SyncStep step = stepOf(scheduled.get(timedOut.getScheduledEventId()));
                    events.add(new SyncEvent(
                            at,
                            SyncEvent.Type.ATTEMPT_FAILED,
                            step,
                            "timed out",
                            null,
                            message(timedOut.getFailure()),
                            null,
                            null));
                }
                case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED ->
                    events.add(SyncEvent.of(at, SyncEvent.Type.STEP_STARTED, SyncStep.ADDING, "adding started"));
                case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED ->
                    added(
                            at,
                            event.getChildWorkflowExecutionCompletedEventAttributes()
                                    .getResult());
                case EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT ->
                    events.add(SyncEvent.of(
                            at,
                            SyncEvent.Type.RESUMED,
                            null,
                            "a worker stopped while running the sync; another took it over"));
                case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
                    var signal = event.getWorkflowExecutionSignaledEventAttributes();
                    if ("cancelSync".equals(signal.getSignalName())) {
                        events.add(SyncEvent.of(at, SyncEvent.Type.CANCELLED, null, "cancel requested"));
                    } else if (ADD_DONE_SIGNAL.equals(signal.getSignalName())) {
                        // The writer's answer: the add's outcome, or nothing when its write failed (the end says why).
                        value(signal.getInput(), false)
                                .map(reply -> reply.get("outcome"))
                                .filter(outcome -> outcome != null && !outcome.isNull())
                                .ifPresent(outcome -> addedEvent(at, Optional.of(outcome)));
                    }
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED ->
                    events.add(SyncEvent.of(at, SyncEvent.Type.CANCELLED, null, "cancel requested through Temporal"));
                case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED ->
                    events.add(SyncEvent.of(at, SyncEvent.Type.CANCELLED, null, "cancelled"));
                case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> {
                    String message = value(
                                    event.getWorkflowExecutionCompletedEventAttributes()
                                            .getResult(),
                                    false)
                            .map(result -> result.path("message").asText(null))
                            .orElse("completed");
                    events.add(SyncEvent.of(at, SyncEvent.Type.COMPLETED, null, message));
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> {
                    Failure failure =
                            event.getWorkflowExecutionFailedEventAttributes().getFailure();
                    if (MusicSyncWorkflow.CANCELLED_TYPE.equals(
                            failure.getApplicationFailureInfo().getType())) {
                        events.add(SyncEvent.of(at, SyncEvent.Type.CANCELLED, null, "cancelled"));
                    } else {
                        String error = message(failure);
                        events.add(new SyncEvent(at, SyncEvent.Type.FAILED, null, error, null, error, null, null));
                    }
                }
                case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> {
                    String error = "The sync was "
                            + (event.hasWorkflowExecutionTerminatedEventAttributes() ? "terminated" : "timed out")
                            + " in Temporal";
                    events.add(new SyncEvent(at, SyncEvent.Type.FAILED, null, error, null, error, null, null));
                }
                case EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED -> reviewMemo(at, event);
                case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
                    var input = event.getWorkflowExecutionUpdateAcceptedEventAttributes()
                            .getAcceptedRequest()
                            .getInput();
                    if (MusicSyncWorkflow.ANSWER_REVIEW.equals(input.getName())) {
                        reviewAnswered = true;
                        String uri = value(input.getArgs(), false)
                                .map(reply -> reply.path("trackUri").asText(null))
                                .orElse(null);
                        events.add(SyncEvent.of(
                                at,
                                SyncEvent.Type.STEP_COMPLETED,
                                SyncStep.AWAITING_REVIEW,
                                uri == null ? "a person answered: not on Spotify" : "a person chose " + uri));
                    }
                }
                default -> {
                    // Workflow tasks, markers, other memo updates: how Temporal runs the sync, not what it did.
                }
            }
        }
        return events;
    }

    /** The review memo: set when the sync starts waiting for its review, cleared when the wait ends. */
    private void reviewMemo(Instant at, HistoryEvent event) {
        var memo = event.getWorkflowPropertiesModifiedEventAttributes()
                .getUpsertedMemo()
                .getFieldsMap()
                .get(ReviewMemo.MEMO_KEY);
        if (memo == null) {
            return;
        }
        JsonNode waiting = value(Payloads.newBuilder().addPayloads(memo).build(), false)
                .map(review -> review.path("waiting"))
                .orElse(null);
        if (waiting != null && waiting.isObject()) {
            reviewTimeoutDays = waiting.path("timeoutDays").asInt();
            events.add(SyncEvent.of(
                    at,
                    SyncEvent.Type.STEP_STARTED,
                    SyncStep.AWAITING_REVIEW,
                    "waiting for a person's review (up to " + reviewTimeoutDays + " days)"));
        } else if (!reviewAnswered) {
            events.add(SyncEvent.of(
                    at,
                    SyncEvent.Type.STEP_COMPLETED,
                    SyncStep.AWAITING_REVIEW,
                    "no review within " + reviewTimeoutDays + " days"));
        }
    }

    private void completed(Instant at, String activity, Payloads result) {
        SyncStep step = stepOf(activity);
        Optional<JsonNode> value = value(result, true);
        switch (step) {
            case SEARCHING -> {
                int found = value.map(JsonNode::size).orElse(0);
                events.add(SyncEvent.withDetails(
                        at,
                        SyncEvent.Type.STEP_COMPLETED,
                        step,
                        found + " candidates found",
                        Map.of("candidates_found", found)));
                return;
            }
            case MATCHING ->
                value.flatMap(v -> as(v, MatchDecision.class))
                        .ifPresent(decision -> events.add(SyncEvent.withDetails(
                                at,
                                SyncEvent.Type.DECISION,
                                step,
                                "decision: " + EventDetails.outcome(decision),
                                EventDetails.decision(decision))));
            case AI_DISAMBIGUATION ->
                value.flatMap(v -> as(v, AiChoice.class))
                        .ifPresent(choice -> events.add(SyncEvent.withDetails(
                                at,
                                SyncEvent.Type.AI_CHOICE,
                                step,
                                EventDetails.aiMessage(choice),
                                EventDetails.ai(choice))));
            case ADDING -> {
                addedEvent(at, value);
                return;
            }
            default -> {}
        }
        events.add(SyncEvent.of(at, SyncEvent.Type.STEP_COMPLETED, step, step.wireName() + " completed"));
    }

    /** The child workflow's add result ({@code Attempted<AddOutcome>}). */
    private void added(Instant at, Payloads result) {
        addedEvent(at, value(result, true));
    }

    private void addedEvent(Instant at, Optional<JsonNode> value) {
        value.flatMap(v -> as(v, AddOutcome.class))
                .ifPresent(outcome -> events.add(SyncEvent.withDetails(
                        at,
                        outcome.added() ? SyncEvent.Type.ADDED : SyncEvent.Type.ALREADY_IN_PLAYLIST,
                        SyncStep.ADDING,
                        EventDetails.addMessage(outcome.added(), "the track", outcome.position()),
                        Map.of("position", outcome.position()))));
        events.add(SyncEvent.of(at, SyncEvent.Type.STEP_COMPLETED, SyncStep.ADDING, "adding completed"));
    }

    /** The payload as JSON; {@code attempted}: unwrap our {@link Attempted} envelope. */
    private Optional<JsonNode> value(Payloads payloads, boolean attempted) {
        if (payloads.getPayloadsCount() == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = converter.fromPayloads(0, Optional.of(payloads), JsonNode.class, JsonNode.class);
            return Optional.ofNullable(attempted && node != null && node.has("attempt") ? node.get("value") : node);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private <T> Optional<T> as(JsonNode node, Class<T> type) {
        try {
            return Optional.of(mapper.treeToValue(node, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The failure's own message: Temporal's wrappers say only "Activity task failed". */
    private static String message(Failure failure) {
        Failure root = failure;
        while (root.hasCause() && root.getMessage().startsWith("Activity task")) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The step of a recorded activity type (the writer's hand-over is the add). */
    static SyncStep stepOf(String activityType) {
        if (REQUEST_ADD.equals(activityType)) {
            return SyncStep.ADDING;
        }
        return activityType == null
                ? SyncStep.QUEUED
                : ActivityTypes.activityOf(activityType).map(SyncActivity::step).orElse(SyncStep.QUEUED);
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
