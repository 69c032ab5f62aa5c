package io.hypercast.cli;

import io.hypercast.model.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a timeout: ISO-8601 (PT30S, PT6H) or the short forms 90s, 10m, 6h, 1h30m. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    static Duration parse(String text, String where) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p") || s.startsWith("-p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException(where, "'" + text + "' is not a duration (examples: PT30M, 90s, 10m, 6h)");
        }
        Matcher m = SHORT.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new InvalidInputException(where, "'" + text + "' is not a duration (examples: PT30M, 90s, 10m, 6h)");
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long sec = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofHours(h).plusMinutes(min).plusSeconds(sec);
    }
}
