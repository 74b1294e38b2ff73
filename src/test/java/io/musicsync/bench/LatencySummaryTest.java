package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void readsMedianP99AndP999InMillisecondsFromNanoseconds() {
        Histogram nanos = new Histogram(60_000_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            nanos.recordValue(i * 1_000_000L); // 1 ms .. 1000 ms, one each
        }

        LatencySummary summary = LatencySummary.of(nanos, 2, 4.0);

        assertThat(summary.requests()).isEqualTo(1000);
        assertThat(summary.errors()).isEqualTo(2);
        // HdrHistogram keeps 3 significant digits: within 0.1% of the exact order statistic.
        assertThat(summary.median()).isCloseTo(500, within(0.5));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.p999()).isCloseTo(999, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
        assertThat(summary.perSecond()).isEqualTo(250.0);
    }

    @Test
    void aTailOfOnePercentShowsInP99ButNotInTheMedian() {
        Histogram nanos = new Histogram(60_000_000_000L, 3);
        nanos.recordValueWithCount(1_000_000L, 980); // 1 ms
        nanos.recordValueWithCount(200_000_000L, 20); // 200 ms: 2%

        LatencySummary summary = LatencySummary.of(nanos, 0, 1.0);

        assertThat(summary.median()).isCloseTo(1.0, within(0.01));
        assertThat(summary.p99()).isCloseTo(200.0, within(0.2));
    }
}
