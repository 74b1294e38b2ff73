package io.musicsync.engine.temporal;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DataConverter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The memos of listed workflows ({@link SyncMemo}, {@link ReviewMemo}): from the listing when it carries them (a
 * real server), else from each workflow's description (the SDK's test server lists no memos), once per workflow.
 */
final class WorkflowMemos {

    private final DataConverter converter;
    private final Function<String, Map<String, Payload>> described;
    private final Map<String, Map<String, Payload>> byWorkflow = new HashMap<>();

    /** @param described a workflow's memo fields as its description has them (empty when it is gone) */
    WorkflowMemos(DataConverter converter, Function<String, Map<String, Payload>> described) {
        this.converter = converter;
        this.described = described;
    }

    /** The memo's value under {@code key}, or null when it has none (or one this code cannot read). */
    <T> T read(WorkflowExecutionInfo info, String key, Class<T> type) {
        Map<String, Payload> listed = info.getMemo().getFieldsMap();
        Map<String, Payload> fields = listed.isEmpty()
                ? byWorkflow.computeIfAbsent(info.getExecution().getWorkflowId(), described)
                : listed;
        Payload payload = fields.get(key);
        if (payload == null) {
            return null;
        }
        try {
            return converter.fromPayload(payload, type, type);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
