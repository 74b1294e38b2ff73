package io.musicsync.engine.temporal;

import io.musicsync.imports.ImportRow;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Keeps one part's rows (see {@link ImportRowsWorkflow}). Deterministic workflow code. */
public class ImportRowsWorkflowImpl implements ImportRowsWorkflow {

    /** How long the rows wait for their import: longer than any import takes (a dead import's rows end then). */
    static final Duration KEEP_AT_MOST = Duration.ofDays(90);

    private static final Logger LOG = Workflow.getLogger(ImportRowsWorkflowImpl.class);

    private ImportPart part;
    private int asked;
    private List<Resolution> outcomes;
    private String notTried;

    @Override
    public PartRows keep(ImportPart kept) {
        this.part = kept;
        int answered = 0;
        while (!ended()) {
            int seen = answered;
            if (!Workflow.await(KEEP_AT_MOST, () -> asked > seen || ended())) {
                LOG.warn("import {} never settled part {}", part.importId(), part.part());
                break;
            }
            if (asked > answered) {
                answered = asked;
                try {
                    Workflow.newExternalWorkflowStub(ImportWorkflow.class, part.importId())
                            .partRows(part);
                } catch (SignalExternalWorkflowException gone) {
                    LOG.info("import {} did not take its rows: {}", part.importId(), gone.getMessage());
                }
            }
        }
        return rows();
    }

    @Override
    public void send() {
        asked++;
    }

    @Override
    public void settled(List<Resolution> settled) {
        outcomes = List.copyOf(settled);
    }

    @Override
    public void notTried(String why) {
        notTried = why;
    }

    private boolean ended() {
        return outcomes != null || notTried != null;
    }

    private Resolution outcome(int index) {
        if (outcomes != null) {
            return outcomes.get(index);
        }
        return notTried == null ? null : Resolution.of(RowOutcome.FAILED, "not tried: " + notTried);
    }

    @Override
    public PartRows rows() {
        if (part == null) {
            return new PartRows(List.of());
        }
        List<RowStatus> rows = new ArrayList<>(part.rows().size());
        for (int i = 0; i < part.rows().size(); i++) {
            ImportRow row = part.rows().get(i);
            rows.add(new RowStatus(row, outcome(i)));
        }
        return new PartRows(rows);
    }
}
