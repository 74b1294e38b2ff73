package io.musicsync.bench;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one load run, in milliseconds.
 *
 * @param requests requests answered with the expected status
 * @param errors requests that failed or got another status
 * @param perSecond answered requests per second over the run
 */
public record LatencySummary(
        long requests, long errors, double median, double p99, double p999, double max, double perSecond) {

    /** Reads the percentiles of a histogram of nanoseconds. */
    public static LatencySummary of(Histogram nanos, long errors, double seconds) {
        long count = nanos.getTotalCount();
        return new LatencySummary(
                count,
                errors,
                millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(99)),
                millis(nanos.getValueAtPercentile(99.9)),
                millis(nanos.getMaxValue()),
                seconds > 0 ? count / seconds : 0);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
