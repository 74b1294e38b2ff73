package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersHeaderSeparatorAndRows() {
        String table = new MarkdownTable("service", "median")
                .row("bare", MarkdownTable.ms(0.4123))
                .row("standalone", MarkdownTable.ms(12.345))
                .render();

        assertThat(table)
                .isEqualTo("| service | median |\n| --- | --- |\n| bare | 0.412 ms |\n| standalone | 12.35 ms |\n");
    }

    @Test
    void escapesPipesAndNewlinesSoACellCannotBreakTheRow() {
        String table = new MarkdownTable("case").row("a | b\nc").render();

        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table).contains("| a \\| b c |");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        MarkdownTable table = new MarkdownTable("a", "b");

        assertThatThrownBy(() -> table.row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells")
                .hasMessageContaining("2 columns");
    }

    @Test
    void formatsRatiosAndMegabytes() {
        assertThat(MarkdownTable.ratio(1.8449)).isEqualTo("1.84×");
        assertThat(MarkdownTable.ratio(Double.NaN)).isEqualTo("n/a");
        assertThat(MarkdownTable.megabytes(300L * 1024 * 1024)).isEqualTo("300 MB");
        assertThat(MarkdownTable.megabytes(-1)).isEqualTo("n/a");
    }
}
