package io.hypercast.engine.export;

import io.hypercast.model.Metrics;
import io.hypercast.model.ParamValues;
import io.hypercast.model.Prediction;
import io.hypercast.model.Trial;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The CSV exports of SPEC section 5: trials and predictions.
 *
 * <p>Format: RFC 4180. Records end with CRLF ({@code \r\n}, as the RFC says; every spreadsheet and
 * CSV library reads it), the last one included. A cell is quoted when it holds a comma, a quote, CR
 * or LF, with quotes doubled. Text is UTF-8 without a byte order mark (the Path overloads write it;
 * a caller passing its own Writer chooses the encoding). Numbers use '.' as decimal separator: a
 * Long is written as {@code 24}, a Double in its shortest form that reads back as the same double,
 * always with a '.' or an exponent ({@code 0.05}, {@code 24.0}, {@code 1.0E-9}) so that integers and
 * decimals stay told apart; NaN and infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}.
 * Timestamps are ISO-8601 in UTC with the offset written ({@code 2000-07-31T00:00:00Z}). null is an
 * empty cell.
 *
 * <p>Formula safety (OWASP "CSV injection"): a text cell that starts with {@code = + - @}, a tab or
 * a CR would be run as a formula by a spreadsheet, so it is written with a leading single quote and
 * quoted ({@code "'=1+2"}); a spreadsheet shows it as text. Number cells are never prefixed, so a
 * negative number stays a number ({@code -3.5}).
 */
public final class CsvExport {
    static final String EOL = "\r\n";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private CsvExport() {
    }

    /**
     * One row per trial: {@code number,state,<each parameter>,mae,mape,mse,rmse,start,end,seconds,error,worker}
     * ({@code worker}: where the trial ran, "local" or a cluster member's host:port; added last so that
     * readers of the earlier columns are not disturbed).
     * {@code parameterNames} fixes the parameter columns and their order; a trial without a value for
     * one has an empty cell there.
     */
    public static void writeTrials(Writer out, List<Trial> trials, List<String> parameterNames) throws IOException {
        StringBuilder line = new StringBuilder(256);
        line.append("number,state");
        for (String name : parameterNames) {
            line.append(',').append(text(name));
        }
        line.append(",mae,mape,mse,rmse,start,end,seconds,error,worker").append(EOL);
        out.write(line.toString());
        for (Trial t : trials) {
            line.setLength(0);
            line.append(t.number()).append(',').append(t.state() == null ? "" : text(t.state().name()));
            Map<String, Object> params = t.parameters() == null ? Map.of() : t.parameters();
            for (String name : parameterNames) {
                line.append(',').append(value(params.get(name)));
            }
            Metrics m = t.metrics();
            line.append(',').append(m == null ? "" : number(m.mae()));
            line.append(',').append(m == null || m.mape() == null ? "" : number(m.mape()));
            line.append(',').append(m == null ? "" : number(m.mse()));
            line.append(',').append(m == null ? "" : number(m.rmse()));
            line.append(',').append(timestamp(t.startedAt()));
            line.append(',').append(timestamp(t.finishedAt()));
            Double seconds = t.seconds();
            line.append(',').append(seconds == null ? "" : number(seconds));
            line.append(',').append(text(t.error()));
            line.append(',').append(text(t.worker()));
            line.append(EOL);
            out.write(line.toString());
        }
        out.flush();
    }

    /** One row per prediction: {@code time,reference_time,target,prediction}; an unknown target is empty. */
    public static void writePredictions(Writer out, List<Prediction> rows) throws IOException {
        out.write("time,reference_time,target,prediction" + EOL);
        StringBuilder line = new StringBuilder(96);
        for (Prediction p : rows) {
            line.setLength(0);
            line.append(timestamp(p.time())).append(',').append(timestamp(p.referenceTime())).append(',')
                    .append(p.target() == null ? "" : number(p.target())).append(',').append(number(p.prediction()))
                    .append(EOL);
            out.write(line.toString());
        }
        out.flush();
    }

    /** Writes the trials to a UTF-8 file (no byte order mark), replacing it. */
    public static void writeTrials(Path file, List<Trial> trials, List<String> parameterNames) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTrials(w, trials, parameterNames);
        }
    }

    /** Writes the predictions to a UTF-8 file (no byte order mark), replacing it. */
    public static void writePredictions(Path file, List<Prediction> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writePredictions(w, rows);
        }
    }

    // ------------------------------------------------------------------ cells

    /** A hyperparameter value: numbers as numbers, strings as (formula-safe) text, booleans as true/false. */
    static String value(Object v) {
        Object n = ParamValues.normalize(v, "value");
        if (n == null) {
            return "";
        }
        if (n instanceof Long l) {
            return Long.toString(l);
        }
        if (n instanceof Double d) {
            return number(d);
        }
        if (n instanceof Boolean b) {
            return b.toString();
        }
        return text((String) n);
    }

    /** A text cell, quoted when RFC 4180 needs it and neutralized when a spreadsheet would run it. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean formula = "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        String v = formula ? "'" + s : s;
        boolean quote = formula || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String timestamp(Instant t) {
        return t == null ? "" : TIMESTAMP.format(t);
    }

    /**
     * The shortest decimal that reads back as exactly {@code d} (Java 17's Double.toString is not
     * always the shortest), written plainly for magnitudes 1e-7 up to 1e21 and with an exponent
     * outside that, always with a '.' so that it reads as a decimal.
     */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        // the digits needed are monotone in practice: 17 always suffice, so search 1..17
        int lo = 1;
        int hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exact.round(new MathContext(mid, RoundingMode.HALF_EVEN)).doubleValue() == d) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal shortest = exact.round(new MathContext(lo, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1; // of the leading digit
        if (exponent >= -7 && exponent < 21) {
            String plain = shortest.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        return (shortest.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0")
                + "E" + exponent;
    }
}
