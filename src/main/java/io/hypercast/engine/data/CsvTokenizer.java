package io.hypercast.engine.data;

import io.hypercast.model.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by one character, records by CR, LF or
 * CRLF, fields in double quotes may hold separators, line breaks and doubled quotes. Fields are trimmed.
 * Blank records (an empty line, or only separators) are dropped. Each record keeps the physical line it
 * starts on, for messages.
 */
final class CsvTokenizer {
    record Record(int line, String[] fields) {
    }

    private CsvTokenizer() {
    }

    /** At most {@code maxRecords} records (blank ones not counted); Integer.MAX_VALUE for all. */
    static List<Record> tokenize(String text, char separator, String source, int maxRecords) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean atFieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && atFieldStart && field.toString().isBlank()) {
                inQuotes = true;
                quoteLine = line;
                field.setLength(0);
                atFieldStart = false;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString().strip());
                field.setLength(0);
                atFieldStart = true;
                if (add(out, recordLine, fields) && out.size() >= maxRecords) {
                    return out;
                }
                fields.clear();
                line++;
                recordLine = line;
            } else {
                // Text after a closing quote is kept as it is (lenient); spaces are trimmed later.
                field.append(c);
                if (c != ' ' && c != '\t') {
                    atFieldStart = false;
                }
            }
        }
        if (inQuotes) {
            throw new InvalidInputException(source + ":" + quoteLine,
                    "a quoted field opened on line " + quoteLine + " is never closed (a \" is missing)");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString().strip());
            add(out, recordLine, fields);
        }
        return out;
    }

    private static boolean add(List<Record> out, int line, List<String> fields) {
        for (String f : fields) {
            if (!f.isEmpty()) {
                out.add(new Record(line, fields.toArray(new String[0])));
                return true;
            }
        }
        return false; // blank line, or separators only
    }
}
