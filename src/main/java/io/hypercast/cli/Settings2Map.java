package io.hypercast.cli;

import io.hypercast.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code name=value} words: numbers become Long or Double, true/false booleans, null null,
 * anything else a string (quote a number to keep it text: {@code name="42"}).
 */
final class Settings2Map {
    private Settings2Map() {
    }

    static Map<String, Object> parse(List<String> words, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (words == null) {
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(where, "'" + w + "' is not name=value");
            }
            out.put(w.substring(0, eq).strip(), value(w.substring(eq + 1).strip()));
        }
        return out;
    }

    static Object value(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.equals("null")) {
            return null;
        }
        if (v.matches("[-+]?\\d{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        }
        return v;
    }
}
