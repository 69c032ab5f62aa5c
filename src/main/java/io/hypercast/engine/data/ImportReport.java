package io.hypercast.engine.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an import found. Gaps and identical duplicates are not errors; bad rows are, unless the import
 * was told to skip them. Line numbers are 1-based physical lines of the file (the header is line 1 when
 * it is the first line; a record with a quoted line break has the line it starts on).
 *
 * @param rowsRead     data rows read (blank lines not counted)
 * @param rowsImported rows that made it into the series
 * @param gaps         missing intervals, in time order: whole rows absent (column null) first per place, then
 *                     empty cells per column
 * @param duplicates   timestamps that appear on more than one row
 * @param badRows      rows refused (only non-empty when bad rows were skipped)
 * @param notes        decisions taken while reading: separator, decimal comma, time zone of naive timestamps,
 *                     columns left out
 */
public record ImportReport(int rowsRead, int rowsImported, List<Gap> gaps, List<Duplicate> duplicates,
                           List<BadRow> badRows, List<String> notes) {
    public ImportReport {
        gaps = List.copyOf(gaps);
        duplicates = List.copyOf(duplicates);
        badRows = List.copyOf(badRows);
        notes = List.copyOf(notes);
    }

    /** Number of missing intervals over all gaps of one column (or of absent rows for column null). */
    public int missingCount(String column) {
        int n = 0;
        for (Gap g : gaps) {
            if (Objects.equals(g.column(), column)) {
                n += g.missing();
            }
        }
        return n;
    }

    /**
     * Missing intervals [start, end).
     *
     * @param column     the column with empty cells, or null when the rows themselves are absent
     * @param missing    number of missing intervals
     * @param lineBefore line of the row just before the gap in time (0 if none)
     * @param lineAfter  line of the row just after the gap in time (0 if none)
     */
    public record Gap(String column, Instant start, Instant end, int missing, int lineBefore, int lineAfter) {
        @Override
        public String toString() {
            String where = lineBefore > 0 && lineAfter > 0 ? "between lines " + lineBefore + " and " + lineAfter
                    : lineAfter > 0 ? "before line " + lineAfter : lineBefore > 0 ? "after line " + lineBefore : "";
            return (column == null ? "no rows" : "no value in " + column) + " for [" + start + ", " + end + ") ("
                    + missing + " missing)" + (where.isEmpty() ? "" : " " + where);
        }
    }

    /**
     * A timestamp found again on {@code line} after {@code firstLine}. Identical rows are merged into one;
     * different ones make the later row bad.
     */
    public record Duplicate(Instant time, int firstLine, int line, boolean identical) {
        @Override
        public String toString() {
            return time + " on lines " + firstLine + " and " + line + (identical ? " (identical, kept once)" : " (different values)");
        }
    }

    /** A refused row: where (line and column name), the raw cell text and why. */
    public record BadRow(int line, String column, String raw, String reason) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + reason;
        }
    }
}
