package io.musicsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured Markdown table; cells are escaped so a {@code |} in a value cannot break a row. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, the table has " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        line(out, header.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        out.append('\n');
    }

    /** Milliseconds with two decimals (three below 1 ms), e.g. {@code 0.412 ms}. */
    public static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 1 ? "%.3f ms" : "%.2f ms", millis);
    }

    /** A ratio such as {@code 1.84×}. */
    public static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "n/a";
    }

    /** A number with one decimal. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Mebibytes from bytes, e.g. {@code 212 MB}. */
    public static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : (bytes / (1024 * 1024)) + " MB";
    }
}
