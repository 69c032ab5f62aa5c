package io.hypercast.ui.hpo;

import io.hypercast.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The problems found by one validation pass: field key (the spec file's key) to message. */
final class Problems {
    final Map<String, String> errors = new LinkedHashMap<>();
    final Map<String, String> warnings = new LinkedHashMap<>();

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    void warn(String field, String message) {
        warnings.putIfAbsent(field, message);
    }

    boolean has(String... fields) {
        for (String f : fields) {
            if (errors.containsKey(f)) {
                return true;
            }
        }
        return false;
    }

    /** The engine's message without its "where: " prefix (the field it sits beside says where). */
    static String bare(InvalidInputException e) {
        String m = e.getMessage();
        String w = e.where();
        return !w.isEmpty() && m.startsWith(w + ": ") ? m.substring(w.length() + 2) : m;
    }
}
