package io.musicsync.engine.temporal;

import io.musicsync.imports.Resolution;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Keeps the rows of one part of an import ({@link ImportPlan#rowsWorkflowId}), so that no event of the import's own
 * history carries more than one part: started by the API with the rows before the import starts, it hands them to
 * the import when asked and keeps their outcomes once the part has ended. It ends then, its result the rows with
 * their outcomes (readable without a worker).
 */
@WorkflowInterface
public interface ImportRowsWorkflow {

    @WorkflowMethod
    PartRows keep(ImportPart part);

    /** The import asks for the rows: answered with {@link ImportWorkflow#partRows(ImportPart)}. */
    @SignalMethod
    void send();

    /** The outcomes of the part's rows, in row order. */
    @SignalMethod
    void settled(List<Resolution> outcomes);

    /** The import stopped before these rows were tried: each failed "not tried: {@code why}". */
    @SignalMethod
    void notTried(String why);

    @QueryMethod
    PartRows rows();
}
