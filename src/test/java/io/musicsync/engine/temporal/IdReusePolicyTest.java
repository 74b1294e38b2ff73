package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import org.junit.jupiter.api.Test;

class IdReusePolicyTest {

    @Test
    void temporalLetsOnlyAnUnfinishedSyncsIdRunAgainAsTheRuleBookSays() {
        // Completed never again; failed and cancelled (and terminated, timed out: read as failed) again.
        assertThat(TemporalEngine.idReusePolicy())
                .isEqualTo(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY);
    }
}
