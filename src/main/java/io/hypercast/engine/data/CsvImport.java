package io.hypercast.engine.data;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CSV file imported as one observed {@link Series} per value column (knownFrom = interval start + period),
 * all on the same grid, in the column order of the file (or of the options).
 *
 * @param period the sample period inferred from the timestamps
 * @param series column name to series, unmodifiable
 * @param report what was found on the way: gaps, duplicates, skipped rows, notes
 */
public record CsvImport(Duration period, Map<String, Series> series, ImportReport report) {
    public CsvImport {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /** The series of one column; IllegalArgumentException naming the columns there are if absent. */
    public Series series(String column) {
        Series s = series.get(column);
        if (s == null) {
            throw new IllegalArgumentException("no column '" + column + "' was imported; there are " + series.keySet());
        }
        return s;
    }
}
