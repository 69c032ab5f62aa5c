package io.hypercast.engine.data;

import io.hypercast.engine.data.CsvTokenizer.Record;
import io.hypercast.engine.data.ImportReport.BadRow;
import io.hypercast.engine.data.ImportReport.Duplicate;
import io.hypercast.engine.data.ImportReport.Gap;
import io.hypercast.model.InvalidInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a CSV file of observations into one observed {@link Series} per value column (SPEC section 1,
 * CsvObservations).
 *
 * <p>The file has a header line, a timestamp column of interval starts and value columns. The separator
 * (comma, semicolon or tab) is detected from the first lines; with a semicolon, numbers may use a decimal
 * comma ({@code 1234,5}, {@code 1.234,5}). Quoted fields (RFC 4180), a UTF-8 byte order mark, CRLF and
 * blank lines are handled. A file that is not valid UTF-8 is read as Windows-1252, with a note.
 *
 * <p>Timestamps: ISO-8601 with an offset or Z are exact. Without an offset ({@code 2000-06-05 00:00},
 * {@code 2000-06-05T00:00:00}, a bare date, or {@code dd/MM/yyyy HH:mm} / {@code MM/dd/yyyy HH:mm} when the
 * values show which) they are local wall time in the options' zone, UTC if none. A local time that does
 * not exist (spring-forward gap) is a bad row; a local time that occurs twice (fall-back) is resolved by
 * file order: its first occurrence takes the earlier offset, the second the later one (reversed in a file
 * sorted newest first).
 *
 * <p>The sample period is the most common positive difference between consecutive distinct timestamps;
 * the grid is the most common phase of that period. Rules for rows:
 * <ul>
 * <li>an empty cell is a missing value: a gap in that column, not an error;</li>
 * <li>text, NaN, Infinity in a value cell, a bad or non-existent timestamp, a wrong number of fields, a
 *     timestamp off the grid, a repeated timestamp with different values: a bad row;</li>
 * <li>a repeated timestamp with identical values is kept once and reported.</li>
 * </ul>
 * A bad row refuses the whole file with an {@link InvalidInputException} whose {@code where} is
 * {@code file:line:column}, unless the options say to skip bad rows; then they are listed in the report.
 * Missing timestamps are gaps: NaN in the series, listed in the report.
 */
public final class CsvImporter {
    /** A series longer than this is refused: it would take gigabytes and is surely a wrong period. */
    static final int MAX_POINTS = 50_000_000;

    private static final Set<String> TIME_WORDS = Set.of("time", "timestamp", "date", "datetime", "ts");
    private static final String OFFSET = "((?i:Z|UTC|GMT)|[+-]\\d{2}(?::?\\d{2})?)?";
    private static final String TIME = "(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME + "\\s*" + OFFSET + "(?:\\[[^\\]]*\\])?");
    private static final Pattern SLASH = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME + "\\s*" + OFFSET);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GROUPED_DECIMAL_COMMA = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d*)?");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("(?i)[+-]?(nan|inf|infinity|∞)");

    private CsvImporter() {
    }

    /**
     * Imports a file; messages and {@code where} name it by its file name. A file over {@link
     * #MAX_FILE_BYTES}, or one whose text and rows do not fit in the memory the program may use, is
     * refused as invalid input rather than ending in an OutOfMemoryError.
     */
    public static CsvImport importFile(Path file, CsvImportOptions options) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new InvalidInputException(name, "the file is " + megabytes(size) + " MB; CSV files of up to " + megabytes(MAX_FILE_BYTES)
                    + " MB can be imported (split it by time)");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<String> notes = new ArrayList<>();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // Spreadsheets on Windows often save CSV in their own code page; numbers and ISO dates read the same.
                Charset fallback = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
                text = new String(bytes, fallback);
                notes.add("the file is not UTF-8; it was read as " + fallback.name());
            }
            bytes = null; // the text is all that is needed from here
            return new Run(text, name, options, notes).run();
        } catch (OutOfMemoryError e) {
            // everything allocated for this file is garbage now; the program goes on
            throw new InvalidInputException(name, "the file (" + megabytes(size) + " MB) does not fit in the memory Hypercast may use ("
                    + megabytes(Runtime.getRuntime().maxMemory()) + " MB); split it by time or give Hypercast more memory");
        }
    }

    /** Above this a file is refused before it is read: its text, rows and series take several times its size. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Imports CSV text from a reader; {@code sourceName} names it in messages and {@code where}. */
    public static CsvImport importReader(Reader reader, String sourceName, CsvImportOptions options) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        return importText(sb.toString(), sourceName, options);
    }

    /** Imports CSV text; {@code sourceName} names it in messages and {@code where}. */
    public static CsvImport importText(String text, String sourceName, CsvImportOptions options) {
        return new Run(text, sourceName, options, new ArrayList<>()).run();
    }

    /** One import: its input, options and what it has found so far. */
    private static final class Run {
        private final String text;
        private final String source;
        private final CsvImportOptions options;
        private final List<String> notes;
        private final List<BadRow> badRows = new ArrayList<>();
        private final Map<Integer, BadRow> badByLine = new HashMap<>();
        private boolean decimalComma;

        Run(String text, String source, CsvImportOptions options, List<String> notes) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source == null || source.isBlank() ? "csv" : source;
            this.options = options == null ? CsvImportOptions.defaults() : options;
            this.notes = notes;
        }

        CsvImport run() {
            if (text.isBlank()) {
                throw new InvalidInputException(source, "the file is empty: expected a header line and data rows");
            }
            char separator = detectSeparator();
            decimalComma = separator == ';';
            if (separator != ',') {
                notes.add("separator " + (separator == ';' ? "';' (semicolon), decimal comma accepted" : "tab"));
            }
            List<Record> records = CsvTokenizer.tokenize(text, separator, source, Integer.MAX_VALUE);
            if (records.isEmpty()) {
                throw new InvalidInputException(source, "the file is empty: expected a header line and data rows");
            }
            String[] header = header(records.get(0));
            List<Record> data = records.subList(1, records.size());
            if (data.isEmpty()) {
                throw new InvalidInputException(source, "the file has a header line (" + String.join(", ", header)
                        + ") but no data rows");
            }
            int timeColumn = timestampColumn(header);
            int[] valueColumns = valueColumns(header, timeColumn, data);

            List<Row> rows = parseRows(header, timeColumn, valueColumns, data);
            rows.sort(Comparator.comparingLong((Row r) -> r.time).thenComparingInt(r -> r.line));
            List<Duplicate> duplicates = new ArrayList<>();
            rows = mergeDuplicates(rows, header, valueColumns, duplicates);
            boolean known = options.period() != null;
            if (known && rows.isEmpty() && badRows.isEmpty()) {
                throw new InvalidInputException(source, "no data row has a usable timestamp");
            }
            if (!known && rows.size() < 2 && badRows.isEmpty()) {
                throw new InvalidInputException(source, rows.isEmpty() ? "no data row has a usable timestamp"
                        : "only one timestamp (" + Instant.ofEpochSecond(rows.get(0).time)
                        + "): at least two rows are needed to infer the sample period");
            }
            long period = known ? options.period().getSeconds() : rows.size() >= 2 ? inferPeriod(rows) : 0;
            if (period > 0) {
                rows = dropOffGrid(rows, period, header[timeColumn]);
            }
            refuseOrSkip();
            if (known && rows.isEmpty()) {
                throw new InvalidInputException(source, "no good row is left after skipping " + badRows.size() + " bad row(s)");
            }
            if (!known && rows.size() < 2) {
                throw new InvalidInputException(source, "fewer than two good rows are left after skipping "
                        + badRows.size() + " bad row(s); the sample period cannot be inferred");
            }
            return build(header, valueColumns, rows, period, data.size(), duplicates);
        }

        // ---- structure -------------------------------------------------------------------------

        /** The separator that splits the first lines into the most consistent number of fields (at least 2). */
        private char detectSeparator() {
            char best = ',';
            long bestScore = -1;
            for (char candidate : new char[] {',', ';', '\t'}) {
                List<Record> sample;
                try {
                    sample = CsvTokenizer.tokenize(text, candidate, source, 30);
                } catch (InvalidInputException e) {
                    continue; // an unclosed quote is reported by the real pass
                }
                if (sample.isEmpty() || sample.get(0).fields().length < 2) {
                    continue;
                }
                int width = sample.get(0).fields().length;
                long consistent = sample.stream().filter(r -> r.fields().length == width).count();
                long score = consistent * 1000 + width;
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
            return best;
        }

        private String[] header(Record first) {
            String[] names = first.fields().clone();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i].isEmpty()) {
                    names[i] = "column_" + (i + 1);
                }
                Integer before = seen.put(names[i], i);
                if (before != null) {
                    throw new InvalidInputException(source + ":" + first.line(), "column name '" + names[i]
                            + "' appears twice in the header (columns " + (before + 1) + " and " + (i + 1) + ")");
                }
            }
            if (names.length < 2) {
                throw new InvalidInputException(source + ":" + first.line(), "the header '" + String.join("", names)
                        + "' has a single column; expected a timestamp column and value columns separated by ',', ';' or tab");
            }
            try {
                parseTimestamp(first.fields()[0]);
                throw new InvalidInputException(source + ":" + first.line(), "the first line '" + String.join(", ", first.fields())
                        + "' looks like data; the file needs a header line with column names");
            } catch (Bad expected) {
                return names; // the header's first cell is not a timestamp, as it should be
            }
        }

        private int timestampColumn(String[] header) {
            if (options.timestampColumn() != null) {
                int i = Arrays.asList(header).indexOf(options.timestampColumn());
                if (i < 0) {
                    throw new InvalidInputException(source, "timestamp column '" + options.timestampColumn()
                            + "' is not in the file; its columns are: " + String.join(", ", header));
                }
                return i;
            }
            for (int i = 0; i < header.length; i++) {
                if (TIME_WORDS.contains(header[i].toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            for (int i = 0; i < header.length; i++) {
                for (String word : header[i].toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (TIME_WORDS.contains(word)) {
                        return i;
                    }
                }
            }
            return 0;
        }

        private int[] valueColumns(String[] header, int timeColumn, List<Record> data) {
            List<String> names = Arrays.asList(header);
            if (options.columns() != null) {
                if (options.columns().isEmpty()) {
                    throw new InvalidInputException(source, "the list of columns to import is empty");
                }
                int[] out = new int[options.columns().size()];
                for (int k = 0; k < out.length; k++) {
                    String name = options.columns().get(k);
                    int i = names.indexOf(name);
                    if (i < 0) {
                        throw new InvalidInputException(source, "column '" + name
                                + "' asked for is not in the file; its columns are: " + String.join(", ", header));
                    }
                    if (i == timeColumn) {
                        throw new InvalidInputException(source, "column '" + name + "' is the timestamp column, not a value column");
                    }
                    if (Arrays.stream(out, 0, k).anyMatch(j -> j == i)) {
                        throw new InvalidInputException(source, "column '" + name + "' is asked for twice");
                    }
                    out[k] = i;
                }
                return out;
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                if (i == timeColumn) {
                    continue;
                }
                int filled = 0;
                int numeric = 0;
                for (Record r : data) {
                    if (i < r.fields().length && !r.fields()[i].isEmpty()) {
                        filled++;
                        if (looksNumeric(r.fields()[i])) {
                            numeric++;
                        }
                    }
                }
                if (filled == 0) {
                    notes.add("column '" + header[i] + "' was left out: it has no values");
                } else if (numeric * 2 < filled) {
                    notes.add("column '" + header[i] + "' was left out: most of its values are not numbers");
                } else {
                    out.add(i);
                }
            }
            if (out.isEmpty()) {
                throw new InvalidInputException(source, "no numeric column: besides the timestamp column '"
                        + header[timeColumn] + "' the file has " + (header.length > 1 ? "only text or empty columns ("
                        + String.join(", ", names.stream().filter(n -> !n.equals(header[timeColumn])).toList()) + ")" : "no column"));
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        // ---- rows ------------------------------------------------------------------------------

        /** A good row: its line, instant (epoch second) and the values of the value columns. */
        private static final class Row {
            final int line;
            long time;
            final double[] values;
            final String[] fields;
            final String stampText;

            Row(int line, long time, double[] values, String[] fields, String stampText) {
                this.line = line;
                this.time = time;
                this.values = values;
                this.fields = fields;
                this.stampText = stampText;
            }
        }

        private List<Row> parseRows(String[] header, int timeColumn, int[] valueColumns, List<Record> data) {
            DayMonth order = dayMonthOrder(timeColumn, data);
            List<Row> rows = new ArrayList<>(data.size());
            List<LocalDateTime> naive = new ArrayList<>();
            List<Row> naiveRows = new ArrayList<>();
            for (Record r : data) {
                String[] f = r.fields();
                if (f.length != header.length) {
                    String column = f.length < header.length ? header[f.length] : "column " + (header.length + 1);
                    bad(r.line(), column, String.join(",", f), "the row has " + f.length + " field" + (f.length == 1 ? "" : "s")
                            + " but the header has " + header.length
                            + (f.length > header.length && !decimalComma ? " (a value with a comma must be quoted)" : ""));
                    continue;
                }
                String stampText = f[timeColumn];
                Stamp stamp;
                try {
                    stamp = order.parse(stampText);
                } catch (Bad e) {
                    bad(r.line(), header[timeColumn], stampText, e.getMessage());
                    continue;
                }
                double[] values = new double[valueColumns.length];
                boolean ok = true;
                for (int k = 0; k < valueColumns.length && ok; k++) {
                    String cell = f[valueColumns[k]];
                    try {
                        values[k] = number(cell);
                    } catch (Bad e) {
                        bad(r.line(), header[valueColumns[k]], cell, e.getMessage());
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                Row row = new Row(r.line(), stamp.epoch, values, f, stampText);
                if (stamp.local != null) {
                    naive.add(stamp.local);
                    naiveRows.add(row);
                } else {
                    rows.add(row);
                }
            }
            if (!naiveRows.isEmpty()) {
                resolveLocalTimes(naive, naiveRows, header[timeColumn], rows);
            }
            return rows;
        }

        /**
         * Local wall times to instants in the zone. A repeated (fall-back) local time takes the earlier offset
         * the first time it is met in file order and the later offset after that; in a file sorted newest
         * first the other way round. A non-existent (spring-forward) local time is a bad row.
         */
        private void resolveLocalTimes(List<LocalDateTime> naive, List<Row> naiveRows, String column, List<Row> rows) {
            ZoneId zone = options.zoneOrUtc();
            if (options.timeZone() == null) {
                notes.add(naiveRows.size() + " timestamp(s) without an offset were read as UTC (no time zone was given)");
            } else {
                notes.add(naiveRows.size() + " timestamp(s) without an offset were read as local time in " + zone);
            }
            int up = 0;
            int down = 0;
            for (int i = 1; i < naive.size(); i++) {
                int c = naive.get(i).compareTo(naive.get(i - 1));
                up += c > 0 ? 1 : 0;
                down += c < 0 ? 1 : 0;
            }
            boolean newestFirst = down > up;
            ZoneRules rules = zone.getRules();
            Map<LocalDateTime, Integer> seen = new HashMap<>();
            for (int i = 0; i < naive.size(); i++) {
                LocalDateTime local = naive.get(i);
                Row row = naiveRows.get(i);
                ZoneOffsetTransition transition = rules.getTransition(local);
                ZoneOffset offset;
                if (transition == null) {
                    offset = rules.getOffset(local);
                } else if (transition.isGap()) {
                    bad(row.line, column, row.stampText,
                            "local time " + local + " does not exist in " + zone + ": clocks go from "
                                    + transition.getDateTimeBefore().toLocalTime() + " to "
                                    + transition.getDateTimeAfter().toLocalTime() + " that day");
                    continue;
                } else {
                    boolean first = seen.merge(local, 1, Integer::sum) == 1;
                    offset = first != newestFirst ? transition.getOffsetBefore() : transition.getOffsetAfter();
                }
                row.time = local.toEpochSecond(offset);
                rows.add(row);
            }
        }

        /** Rows of one timestamp: identical ones are merged and reported; a different one is a bad row. */
        private List<Row> mergeDuplicates(List<Row> sorted, String[] header, int[] valueColumns,
                                          List<Duplicate> duplicates) {
            List<Row> out = new ArrayList<>(sorted.size());
            Row kept = null;
            for (Row r : sorted) {
                if (kept == null || r.time != kept.time) {
                    out.add(r);
                    kept = r;
                    continue;
                }
                int differs = -1;
                for (int k = 0; k < valueColumns.length && differs < 0; k++) {
                    if (Double.compare(r.values[k], kept.values[k]) != 0) {
                        differs = k;
                    }
                }
                Instant t = Instant.ofEpochSecond(r.time);
                duplicates.add(new Duplicate(t, kept.line, r.line, differs < 0));
                if (differs >= 0) {
                    String column = header[valueColumns[differs]];
                    String here = r.fields[valueColumns[differs]];
                    bad(r.line, column, here, "timestamp " + r.stampText + " (" + t + ") is also on line "
                            + kept.line + " with a different " + column + ": '" + kept.fields[valueColumns[differs]]
                            + "' there, '" + here + "' here");
                }
            }
            return out;
        }

        /** The most common positive step between consecutive distinct timestamps (ties: the smaller). */
        private long inferPeriod(List<Row> rows) {
            Map<Long, Integer> counts = new HashMap<>();
            for (int i = 1; i < rows.size(); i++) {
                counts.merge(rows.get(i).time - rows.get(i - 1).time, 1, Integer::sum);
            }
            long best = 0;
            int bestCount = 0;
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        /** Rows whose timestamp is off the grid of the most common phase become bad rows. */
        private List<Row> dropOffGrid(List<Row> rows, long period, String column) {
            Map<Long, Integer> phases = new LinkedHashMap<>();
            for (Row r : rows) {
                phases.merge(Math.floorMod(r.time, period), 1, Integer::sum);
            }
            long phase = options.gridOrigin() != null ? Math.floorMod(options.gridOrigin(), period)
                    : phases.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (phases.size() == 1 && phases.containsKey(phase)) {
                return rows;
            }
            boolean dst = !options.zoneOrUtc().getRules().isFixedOffset();
            List<Row> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                if (Math.floorMod(r.time, period) == phase) {
                    out.add(r);
                } else {
                    Instant t = Instant.ofEpochSecond(r.time);
                    bad(r.line, column, r.stampText, "timestamp " + r.stampText + " (" + t + ") is off the " + Duration.ofSeconds(period) + " grid of the file"
                                    + (period >= 86_400 && dst ? " (daily or longer data at local midnight shifts with"
                                    + " daylight saving; import it without a time zone, as UTC)" : ""));
                }
            }
            return out;
        }

        private void refuseOrSkip() {
            if (badRows.isEmpty()) {
                return;
            }
            badRows.sort(Comparator.comparingInt(BadRow::line));
            if (!options.skipBadRows()) {
                BadRow b = badRows.get(0);
                String more = badRows.size() > 1 ? " (and " + (badRows.size() - 1) + " more bad row"
                        + (badRows.size() > 2 ? "s" : "") + "; skipping bad rows (--skip-bad-rows, or the wizard's option) imports the rest)" : "";
                throw new InvalidInputException(source + ":" + b.line() + ":" + b.column(), b.reason() + more);
            }
        }

        private void bad(int line, String column, String raw, String reason) {
            BadRow b = new BadRow(line, column, raw, reason);
            if (badByLine.putIfAbsent(line, b) == null) {
                badRows.add(b);
            }
        }

        // ---- series and report ---------------------------------------------------------------------

        private CsvImport build(String[] header, int[] valueColumns, List<Row> rows, long period, int rowsRead,
                                List<Duplicate> duplicates) {
            long first = rows.get(0).time;
            long last = rows.get(rows.size() - 1).time;
            long count = (last - first) / period + 1;
            if (count > MAX_POINTS) {
                throw new InvalidInputException(source, "the file spans " + count + " intervals of " + Duration.ofSeconds(period)
                        + " from " + Instant.ofEpochSecond(first) + " to " + Instant.ofEpochSecond(last)
                        + ", more than " + MAX_POINTS + "; check the timestamps");
            }
            int n = (int) count;
            int[] lines = new int[n];
            double[][] values = new double[valueColumns.length][n];
            for (double[] v : values) {
                Arrays.fill(v, Double.NaN);
            }
            for (Row r : rows) {
                int i = (int) ((r.time - first) / period);
                lines[i] = r.line;
                for (int k = 0; k < valueColumns.length; k++) {
                    values[k][i] = r.values[k];
                }
            }
            List<Gap> gaps = new ArrayList<>();
            addGaps(gaps, null, lines, null, first, period);
            Map<String, Series> series = new LinkedHashMap<>();
            for (int k = 0; k < valueColumns.length; k++) {
                String name = header[valueColumns[k]];
                addGaps(gaps, name, lines, values[k], first, period);
                series.put(name, Series.observed(first, period, values[k]));
            }
            List<String> order = Arrays.asList(header);
            gaps.sort(Comparator.comparing(Gap::start)
                    .thenComparingInt(g -> g.column() == null ? -1 : order.indexOf(g.column())));
            ImportReport report = new ImportReport(rowsRead, rows.size(), gaps, duplicates, badRows, notes);
            return new CsvImport(Duration.ofSeconds(period), series, report);
        }

        /**
         * Runs of missing slots: with values null, slots with no row; else slots where the column is NaN,
         * except runs made only of absent rows (already reported as such).
         */
        private static void addGaps(List<Gap> gaps, String column, int[] lines, double[] values, long first, long period) {
            int n = lines.length;
            int i = 0;
            while (i < n) {
                boolean missing = values == null ? lines[i] == 0 : Double.isNaN(values[i]);
                if (!missing) {
                    i++;
                    continue;
                }
                int j = i;
                boolean anyRow = false;
                while (j < n && (values == null ? lines[j] == 0 : Double.isNaN(values[j]))) {
                    anyRow |= lines[j] != 0;
                    j++;
                }
                if (values == null || anyRow) {
                    gaps.add(new Gap(column, Instant.ofEpochSecond(first + i * period), Instant.ofEpochSecond(first + j * period),
                            j - i, i > 0 ? lines[i - 1] : 0, j < n ? lines[j] : 0));
                }
                i = j;
            }
        }

        // ---- cells -----------------------------------------------------------------------------------

        /** A number, NaN for an empty cell; Bad with the reason otherwise. */
        private double number(String cell) throws Bad {
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            String s = cell;
            if (decimalComma) {
                if (GROUPED_DECIMAL_COMMA.matcher(s).matches()) {
                    s = s.replace(".", "");
                }
                s = s.replace(',', '.');
            }
            if (NUMBER.matcher(s).matches()) {
                double v = Double.parseDouble(s);
                if (Double.isInfinite(v)) {
                    throw new Bad("'" + cell + "' is too large for a number");
                }
                return v;
            }
            if (NOT_A_NUMBER.matcher(cell).matches()) {
                throw new Bad("'" + cell + "' is not a finite number; leave the cell empty for a missing value");
            }
            throw new Bad("'" + cell + "' is not a number" + (cell.indexOf(',') >= 0 && !decimalComma
                    ? " (a decimal comma is only read in ';'-separated files)" : "")
                    + "; leave the cell empty for a missing value");
        }

        private boolean looksNumeric(String cell) {
            try {
                number(cell);
                return true;
            } catch (Bad e) {
                return NOT_A_NUMBER.matcher(cell).matches();
            }
        }

        /** Which of dd/MM/yyyy and MM/dd/yyyy the file's slash dates use, from values above 12. */
        private DayMonth dayMonthOrder(int timeColumn, List<Record> data) {
            boolean firstOver12 = false;
            boolean secondOver12 = false;
            boolean any = false;
            String example = null;
            for (Record r : data) {
                if (timeColumn >= r.fields().length) {
                    continue;
                }
                Matcher m = SLASH.matcher(r.fields()[timeColumn]);
                if (m.matches()) {
                    any = true;
                    if (Integer.parseInt(m.group(1)) > 12 && !firstOver12) {
                        firstOver12 = true;
                        example = r.fields()[timeColumn];
                    }
                    if (Integer.parseInt(m.group(2)) > 12 && !secondOver12) {
                        secondOver12 = true;
                        example = r.fields()[timeColumn];
                    }
                }
            }
            if (!any) {
                return DayMonth.NONE;
            }
            if (firstOver12 == secondOver12) {
                throw new InvalidInputException(source, firstOver12
                        ? "the slash dates mix day/month and month/day order; use ISO-8601 (yyyy-MM-dd HH:mm)"
                        : "the slash dates could be day/month or month/day (no day above 12); use ISO-8601 (yyyy-MM-dd HH:mm)");
            }
            notes.add("dates read as " + (firstOver12 ? "dd/MM/yyyy" : "MM/dd/yyyy") + " (from values such as " + example + ")");
            return firstOver12 ? DayMonth.DAY_FIRST : DayMonth.MONTH_FIRST;
        }
    }

    /** A timestamp: exact (epoch second) or a local wall time still to be placed in a zone. */
    private record Stamp(long epoch, LocalDateTime local) {
    }

    private enum DayMonth {
        NONE, DAY_FIRST, MONTH_FIRST;

        Stamp parse(String text) throws Bad {
            if (this != NONE) {
                Matcher m = SLASH.matcher(text);
                if (m.matches()) {
                    boolean dayFirst = this == DAY_FIRST;
                    return stamp(text, m, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(dayFirst ? 2 : 1)),
                            Integer.parseInt(m.group(dayFirst ? 1 : 2)));
                }
            }
            return parseTimestamp(text);
        }
    }

    /** ISO-8601-like timestamps: {@code yyyy-MM-dd[( |T)HH:mm[:ss[.f]]][offset]}. */
    static Stamp parseTimestamp(String text) throws Bad {
        if (text.isEmpty()) {
            throw new Bad("the timestamp is empty");
        }
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new Bad("'" + text + "' is not a timestamp; expected ISO-8601 such as 2000-06-05T00:00:00+01:00 or 2000-06-05 00:00");
        }
        return stamp(text, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** Groups 4-8 of ISO and SLASH: hour, minute, second, fraction, offset. */
    private static Stamp stamp(String text, Matcher m, int year, int month, int day) throws Bad {
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            throw new Bad("'" + text + "' is not a valid date and time: " + e.getMessage());
        }
        if (m.group(7) != null && !m.group(7).matches("0+")) {
            throw new Bad("'" + text + "' has a fraction of a second; timestamps must be whole seconds");
        }
        String offset = m.group(8);
        if (offset == null) {
            return new Stamp(0, local);
        }
        ZoneOffset zoneOffset;
        try {
            zoneOffset = offset(offset);
        } catch (DateTimeException e) {
            throw new Bad("'" + text + "' has an invalid offset " + offset + ": " + e.getMessage());
        }
        return new Stamp(local.toEpochSecond(zoneOffset), null);
    }

    private static ZoneOffset offset(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** A cell that cannot be read; cheap (no stack trace), it is control flow here. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String reason) {
            super(reason, null, false, false);
        }
    }
}
