package io.hypercast.ui.common;

import io.hypercast.model.Num;
import io.hypercast.model.ParamValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the window writes numbers, times and durations: one place, so every table agrees. */
public final class Formats {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FIRING = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private Formats() {
    }

    /** A metric or objective: 4 significant digits, grouping for large values ("1,234.5", "0.01234"). */
    public static String metric(Double v) {
        if (v == null) {
            return "—";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** MAPE in percent. */
    public static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f %%", v);
    }

    /** A hyperparameter value as the spec writes it: 24, 0.05, 'huber', true. */
    public static String value(Object v) {
        if (v == null) {
            return "default";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-4 || a >= 1e7) ? String.format(Locale.ROOT, "%.4g", d) : trim(d);
        }
        return ParamValues.display(v);
    }

    private static String trim(double d) {
        String s = Num.format(d);
        if (s.length() > 10 && s.contains(".")) {
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    public static String when(Instant t, ZoneId zone) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    public static String firing(Instant t, ZoneId zone) {
        return t == null ? "" : FIRING.format(t.atZone(zone));
    }

    /** Seconds as "3.2 s", "4 min 05 s". */
    public static String seconds(Double s) {
        if (s == null) {
            return "";
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        Duration d = Duration.ofMillis((long) (s * 1000));
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
