package io.hypercast.engine.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How to read a CSV file of observations.
 *
 * @param timestampColumn the column of interval-start timestamps; null picks a column named time,
 *                        timestamp, date, datetime (or with such a word in its name, e.g. settlement_date),
 *                        else the first column
 * @param timeZone        the zone of timestamps written without an offset (local wall time, e.g.
 *                        {@code 2022-10-30 02:00}); null reads them as UTC and says so in the report's notes.
 *                        Timestamps with an offset or Z are exact whatever this is
 * @param columns         the value columns to import, in this order; null imports every other column
 *                        that holds numbers (a column of text is left out with a note)
 * @param skipBadRows     false refuses the whole file at its first bad row; true skips bad rows and lists
 *                        them in the report
 * @param period          the sample period, when it is known (appending to a source): then it is not
 *                        inferred, one row is enough, and rows must lie on the grid through {@code gridOrigin}
 * @param gridOrigin      an instant (epoch seconds) on the known grid; used with {@code period}
 */
public record CsvImportOptions(String timestampColumn, ZoneId timeZone, List<String> columns, boolean skipBadRows,
                               java.time.Duration period, Long gridOrigin) {
    public CsvImportOptions {
        columns = columns == null ? null : List.copyOf(columns);
    }

    public CsvImportOptions(String timestampColumn, ZoneId timeZone, List<String> columns, boolean skipBadRows) {
        this(timestampColumn, timeZone, columns, skipBadRows, null, null);
    }

    /** The same options on a known grid: {@code period} through {@code gridOrigin} (epoch seconds). */
    public CsvImportOptions onGrid(java.time.Duration knownPeriod, long origin) {
        return new CsvImportOptions(timestampColumn, timeZone, columns, skipBadRows, knownPeriod, origin);
    }

    /** Pick the timestamp column, read naive timestamps as UTC, import all numeric columns, refuse bad rows. */
    public static CsvImportOptions defaults() {
        return new CsvImportOptions(null, null, null, false);
    }

    /** Naive timestamps in {@code zone}, everything else as {@link #defaults()}. */
    public static CsvImportOptions inZone(ZoneId zone) {
        return new CsvImportOptions(null, zone, null, false);
    }

    public CsvImportOptions withSkipBadRows(boolean skip) {
        return new CsvImportOptions(timestampColumn, timeZone, columns, skip);
    }

    public CsvImportOptions withColumns(List<String> names) {
        return new CsvImportOptions(timestampColumn, timeZone, names, skipBadRows);
    }

    public CsvImportOptions withTimestampColumn(String name) {
        return new CsvImportOptions(name, timeZone, columns, skipBadRows);
    }

    /** The zone naive timestamps are read in: the given one, or UTC. */
    public ZoneId zoneOrUtc() {
        return timeZone == null ? ZoneOffset.UTC : timeZone;
    }
}
