package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpLoadScheduleTest {

    @Test
    void pacedClientsTogetherSendTheRateEvenlySpread() {
        // 4 clients, 100 requests/s: each client every 40 ms, offset by 10 ms from the previous one.
        List<Long> due = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int client = 0; client < 4; client++) {
                due.add(HttpLoad.dueNanos(client, 4, 100, k));
            }
        }

        assertThat(due.stream().sorted().toList()).isEqualTo(due);
        for (int i = 1; i < due.size(); i++) {
            assertThat(due.get(i) - due.get(i - 1)).isEqualTo(10_000_000L);
        }
    }

    @Test
    void aMissedTargetSaysByHowMuch() {
        assertThat(LatencySection.verdict(1.9, 2, "×")).isEqualTo("met");
        assertThat(LatencySection.verdict(3.0, 2, "×")).isEqualTo("**missed**: 1.5× the limit");
        assertThat(LatencySection.verdict(12.5, 10, " ms")).isEqualTo("**missed** by 2.50 ms (1.3× the limit)");
    }
}
