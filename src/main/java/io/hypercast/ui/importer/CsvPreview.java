package io.hypercast.ui.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first lines of a CSV file split into cells, for the wizard's preview and its first guesses
 * (timestamp column, numeric columns, whether timestamps carry an offset). Only a preview: the
 * engine's {@code CsvImporter} reads the whole file and decides.
 */
record CsvPreview(List<String> header, List<List<String>> rows) {
    static final int ROWS = 8;
    // a time of day, then an offset: a bare date such as 2024-01-01 has none
    private static final Pattern OFFSET = Pattern.compile(
            ".*\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?\\s*((?i:Z|UTC|GMT)|[+-]\\d{2}(?::?\\d{2})?)(?:\\[[^]]*])?");
    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d[\\d.,]*|[.,]\\d+)([eE][+-]?\\d+)?\\s*");

    static CsvPreview read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String l; lines.size() <= ROWS && (l = r.readLine()) != null; ) {
                if (!l.isBlank()) {
                    lines.add(lines.isEmpty() && l.startsWith("\u00EF\u00BB\u00BF") ? l.substring(3) : l);
                }
            }
        }
        if (lines.isEmpty()) {
            return new CsvPreview(List.of(), List.of());
        }
        char sep = separator(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(split(l, sep));
        }
        return new CsvPreview(split(lines.get(0), sep), rows);
    }

    static char separator(String header) {
        long commas = header.chars().filter(c -> c == ',').count();
        long semis = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    }

    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == sep && !quoted) {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    /** The column the engine picks by default: a time-like name, else the first. */
    String timestampGuess() {
        for (String h : header) {
            String n = h.toLowerCase(Locale.ROOT);
            if (List.of("time", "timestamp", "date", "datetime", "ts").contains(n)) {
                return h;
            }
        }
        for (String h : header) {
            String n = h.toLowerCase(Locale.ROOT);
            if (n.contains("time") || n.contains("date")) {
                return h;
            }
        }
        return header.isEmpty() ? null : header.get(0);
    }

    /** Whether most of the preview's values of a column look like numbers (one bad cell is the report's business). */
    boolean numeric(String column) {
        int i = header.indexOf(column);
        int numbers = 0;
        int others = 0;
        for (List<String> r : rows) {
            if (i < r.size() && !r.get(i).isEmpty()) {
                if (NUMBER.matcher(r.get(i)).matches()) {
                    numbers++;
                } else {
                    others++;
                }
            }
        }
        return numbers > others;
    }

    /** The offset written on the first timestamp of a column ("+01:00", "Z"), or null for naive timestamps. */
    String offset(String column) {
        int i = header.indexOf(column);
        for (List<String> r : rows) {
            if (i >= 0 && i < r.size() && !r.get(i).isEmpty()) {
                var m = OFFSET.matcher(r.get(i));
                return m.matches() ? m.group(1) : null;
            }
        }
        return null;
    }
}
