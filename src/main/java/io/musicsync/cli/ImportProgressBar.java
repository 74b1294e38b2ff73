package io.musicsync.cli;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.RowOutcome;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The import's live progress bar: done/total, the rate and the time left (drawn by the progress bar library),
 * and the counts so far as its message.
 */
final class ImportProgressBar implements AutoCloseable {

    private final String task;
    private final Supplier<ProgressBarConsumer> consumer;
    private ProgressBar bar;

    ImportProgressBar(String task, Supplier<ProgressBarConsumer> consumer) {
        this.task = task;
        this.consumer = consumer;
    }

    void started(ImportCounts counts) {
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(counts.total())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(consumer.get())
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .build();
        bar.setExtraMessage(" " + barLine(counts));
    }

    void update(ImportCounts counts) {
        bar.stepTo(counts.done());
        bar.setExtraMessage(" " + barLine(counts));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** The counts, short enough for the bar to keep its place in a terminal of 100-odd columns. */
    static String barLine(ImportCounts counts) {
        return String.format(
                Locale.ROOT,
                "add %d, there %d, review %d, missing %d, skip %d, fail %d",
                counts.added(),
                counts.count(RowOutcome.ALREADY_THERE),
                counts.count(RowOutcome.NEEDS_REVIEW),
                counts.count(RowOutcome.NOT_FOUND),
                counts.count(RowOutcome.SKIPPED),
                counts.count(RowOutcome.FAILED));
    }

    /** The counts as the summary shows them. */
    static String countsLine(ImportCounts counts, boolean dryRun) {
        return String.format(
                Locale.ROOT,
                "%s %d, already there %d, needs review %d, not found %d, skipped %d, failed %d",
                dryRun ? "would add" : "added",
                counts.added(),
                counts.count(RowOutcome.ALREADY_THERE),
                counts.count(RowOutcome.NEEDS_REVIEW),
                counts.count(RowOutcome.NOT_FOUND),
                counts.count(RowOutcome.SKIPPED),
                counts.count(RowOutcome.FAILED));
    }
}
