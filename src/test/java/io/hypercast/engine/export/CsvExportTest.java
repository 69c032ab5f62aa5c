package io.hypercast.engine.export;

import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {

    /**
     * A strict RFC 4180 reader: records end with CRLF, quoted fields may hold commas, quotes (doubled)
     * and line breaks; a quote inside an unquoted field or text after a closing quote is an error.
     */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean fieldStart = true;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = csv.charAt(i);
                    if (q == '"') {
                        if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("bare CR at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("bare LF at " + i + " (records end with CRLF)");
            } else if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!record.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("last record does not end with CRLF");
        }
        return records;
    }

    static Trial trial(int number, TrialState state, Map<String, Object> params, Metrics m, String error, Instant start, Instant end) {
        // where it ran, as HpoRun records it: the first trial in this process, the second on a cluster member
        String worker = start == null ? null : number == 0 ? "local" : number == 2 ? "10.0.0.7:5701" : null;
        return new Trial(worker, number, state, params, m, m == null ? null : m.rmse(), error, start, end, 42);
    }

    @Test
    void trialsWithQuotingFormulasIntegersAndNulls() throws IOException {
        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("num_boost_round", 24L);
        p1.put("learning_rate", 0.05);
        p1.put("objective", "mean_squared_error");
        p1.put("subsample", 1.0);
        p1.put("fit_on_null_values", true);
        p1.put("max_depth", -3L);
        Map<String, Object> p2 = new HashMap<>();
        p2.put("num_boost_round", 250L);
        p2.put("objective", "=HYPERLINK(\"http://x\",\"click\")");
        p2.put("learning_rate", -0.5);
        p2.put("max_depth", null);
        Instant s = Instant.parse("2000-07-31T00:00:00Z");
        List<Trial> trials = List.of(
                trial(0, TrialState.COMPLETED, p1, new Metrics(1.5, 4.0, 2.0, 12.25, 100, 0), null, s, s.plusMillis(1500)),
                trial(1, TrialState.FAILED, p2, null, "LightGBM said: bad, \"really\" bad\nsecond line", s, s.plusSeconds(2)),
                trial(2, TrialState.COMPLETED, Map.of(), new Metrics(0.1, 0.01, 0.1, null, 10, 10), "-1 rows dropped", s, s.plusSeconds(3)),
                trial(3, TrialState.QUEUED, null, null, "@SUM(A1)", null, null),
                trial(4, TrialState.CANCELLED, Map.of("objective", "+cmd"), null, "\tTab first", s, null));
        List<String> names = List.of("num_boost_round", "learning_rate", "objective", "subsample", "fit_on_null_values", "max_depth");
        StringWriter w = new StringWriter();
        CsvExport.writeTrials(w, trials, names);
        List<List<String>> rows = parse(w.toString());

        assertEquals(List.of("number", "state", "num_boost_round", "learning_rate", "objective", "subsample",
                "fit_on_null_values", "max_depth", "mae", "mape", "mse", "rmse", "start", "end", "seconds", "error", "worker"), rows.get(0));
        assertEquals(6, rows.size());
        for (List<String> r : rows) {
            assertEquals(17, r.size(), r::toString);
        }
        assertEquals(List.of("0", "COMPLETED", "24", "0.05", "mean_squared_error", "1.0", "true", "-3", "1.5", "12.25", "4.0", "2.0",
                "2000-07-31T00:00:00Z", "2000-07-31T00:00:01.5Z", "1.5", "", "local"), rows.get(1));

        List<String> failed = rows.get(2);
        assertEquals("250", failed.get(2), "an integer is never written as 250.0");
        assertEquals("-0.5", failed.get(3), "a negative number is not prefixed");
        assertEquals("'=HYPERLINK(\"http://x\",\"click\")", failed.get(4), "a formula is shown as text");
        assertEquals("", failed.get(5), "missing parameter");
        assertEquals("", failed.get(7), "null parameter");
        assertEquals(List.of("", "", "", ""), failed.subList(8, 12), "no metrics");
        assertEquals("LightGBM said: bad, \"really\" bad\nsecond line", failed.get(15));

        List<String> noMape = rows.get(3);
        assertEquals("", noMape.get(9), "undefined mape is empty, never 0");
        assertEquals("0.1", noMape.get(8));
        assertEquals("'-1 rows dropped", noMape.get(15));

        assertEquals(List.of("3", "QUEUED", "", "", "", "", "", "", "", "", "", "", "", "", "", "'@SUM(A1)", ""), rows.get(4));
        assertEquals("'+cmd", rows.get(5).get(4));
        assertEquals("", rows.get(5).get(13), "no end yet");
        assertEquals("", rows.get(5).get(14), "no seconds without an end");
        assertEquals("'\tTab first", rows.get(5).get(15));

        // and at the byte level: formula cells are quoted, numbers are not
        String text = w.toString();
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\","), text);
        assertTrue(text.contains(",-0.5,"), text);
        assertTrue(text.contains(",\"'-1 rows dropped\",10.0.0.7:5701\r\n"), text);
        assertTrue(text.startsWith("number,state,"));
        assertTrue(text.endsWith("\r\n"));
    }

    /**
     * Every formula trigger in every text cell a trials CSV has: a Choice value, an error text and
     * a parameter name in the header each read back as the text with a leading quote, so a
     * spreadsheet shows it instead of running it.
     */
    @Test
    void everyTriggerInEveryTextCellOfTheTrialsCsvIsShownAsText() throws IOException {
        for (String trigger : List.of("=", "+", "-", "@", "\t", "\r")) {
            String payload = trigger + "HYPERLINK(\"http://x\";\"y\")";
            String name = trigger + "param";
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("objective", payload);
            params.put(name, payload);
            StringWriter w = new StringWriter();
            CsvExport.writeTrials(w, List.of(trial(1, TrialState.FAILED, params, null, payload, null, null)), List.of("objective", name));
            List<List<String>> rows = parse(w.toString());
            assertEquals("'" + name, rows.get(0).get(3), "a parameter name in the header, trigger " + (int) trigger.charAt(0));
            assertEquals("'" + payload, rows.get(1).get(2), "a Choice value, trigger " + (int) trigger.charAt(0));
            assertEquals("'" + payload, rows.get(1).get(3), "a value under a triggering name, trigger " + (int) trigger.charAt(0));
            assertEquals("'" + payload, rows.get(1).get(rows.get(1).size() - 2), "an error text, trigger " + (int) trigger.charAt(0));
        }
    }

    @Test
    void predictions() throws IOException {
        Instant r = Instant.parse("2000-07-31T00:00:00Z");
        List<Prediction> preds = List.of(new Prediction(r.plusSeconds(1800), r, 100.25, 99.0),
                new Prediction(r.plusSeconds(3600), r, null, -3.5),
                new Prediction(r.plusSeconds(5400), r, 0.0, 1e-9),
                new Prediction(r.plusSeconds(7200), r, 1e300, Double.NaN));
        StringWriter w = new StringWriter();
        CsvExport.writePredictions(w, preds);
        List<List<String>> rows = parse(w.toString());
        assertEquals(List.of("time", "reference_time", "target", "prediction"), rows.get(0));
        assertEquals(List.of("2000-07-31T00:30:00Z", "2000-07-31T00:00:00Z", "100.25", "99.0"), rows.get(1));
        assertEquals(List.of("2000-07-31T01:00:00Z", "2000-07-31T00:00:00Z", "", "-3.5"), rows.get(2));
        assertEquals(List.of("2000-07-31T01:30:00Z", "2000-07-31T00:00:00Z", "0.0", "1.0E-9"), rows.get(3));
        assertEquals(List.of("2000-07-31T02:00:00Z", "2000-07-31T00:00:00Z", "1.0E300", "NaN"), rows.get(4));
    }

    @Test
    void doublesAreShortestAndReadBackExactly() {
        assertEquals("0.1", CsvExport.number(0.1));
        assertEquals("0.30000000000000004", CsvExport.number(0.1 + 0.2));
        assertEquals("24.0", CsvExport.number(24));
        assertEquals("-3.5", CsvExport.number(-3.5));
        assertEquals("0.001", CsvExport.number(1e-3));
        assertEquals("0.0000001", CsvExport.number(1e-7));
        assertEquals("1.0E-8", CsvExport.number(1e-8));
        assertEquals("123456789012345680000.0", CsvExport.number(1.2345678901234568e20));
        assertEquals("1.0E21", CsvExport.number(1e21));
        assertEquals("2.0E23", CsvExport.number(2e23));
        assertEquals("0.002", CsvExport.number(2e-3));
        // JDK 17's Double.toString writes 2.82879384806159008E17 here (JDK-4511638); 15 digits suffice
        assertEquals("282879384806159000.0", CsvExport.number(2.82879384806159E17));
        assertEquals("1.0E23", CsvExport.number(1e23));
        assertEquals("5.0E-324", CsvExport.number(Double.MIN_VALUE), "shorter than Java 17's 4.9E-324");
        assertEquals("1.7976931348623157E308", CsvExport.number(Double.MAX_VALUE));
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = CsvExport.number(d);
            assertEquals(d, Double.parseDouble(s), s);
            assertTrue(s.contains(".") || s.contains("E"), s);
            assertFalse(s.startsWith("'"));
            // never longer than Java's own round-trip form (which is not always shortest on 17)
            assertTrue(digits(s) <= digits(Double.toString(d)), () -> s + " vs " + Double.toString(d));
        }
    }

    static int digits(String s) {
        String m = s.replace("-", "").split("E")[0].replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return m.length();
    }

    @Test
    void textCells() {
        assertEquals("plain", CsvExport.text("plain"));
        assertEquals("\"a,b\"", CsvExport.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.text("say \"hi\""));
        assertEquals("\"line\nbreak\"", CsvExport.text("line\nbreak"));
        assertEquals("\"'=1+2\"", CsvExport.text("=1+2"));
        assertEquals("\"'+1\"", CsvExport.text("+1"));
        assertEquals("\"'-1\"", CsvExport.text("-1"));
        assertEquals("\"'@x\"", CsvExport.text("@x"));
        assertEquals("\"'\tx\"", CsvExport.text("\tx"));
        assertEquals("\"'\rx\"", CsvExport.text("\rx"));
        assertEquals("a=b", CsvExport.text("a=b"), "only a leading trigger matters");
        assertEquals("ünïcödé", CsvExport.text("ünïcödé"));
        assertEquals("", CsvExport.text(null));
        assertEquals("-3", CsvExport.value(-3L), "numbers are never prefixed");
        assertEquals("false", CsvExport.value(false));
        assertEquals("7", CsvExport.value(7), "an Integer is written as an integer");
    }

    @Test
    void filesAreUtf8WithoutBom(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("trials.csv");
        CsvExport.writeTrials(f, List.of(trial(0, TrialState.FAILED, Map.of("objective", "ü"), null, "é", null, null)),
                List.of("objective"));
        byte[] bytes = Files.readAllBytes(f);
        assertFalse(bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB, "no BOM");
        List<List<String>> rows = parse(new String(bytes, StandardCharsets.UTF_8));
        assertEquals("ü", rows.get(1).get(2));
        assertEquals("é", rows.get(1).get(rows.get(1).size() - 2));

        Path p = dir.resolve("predictions.csv");
        CsvExport.writePredictions(p, List.of());
        assertEquals("time,reference_time,target,prediction\r\n", Files.readString(p));
    }

    @Test
    void theTestParserIsStrict() {
        assertThrows(IllegalArgumentException.class, () -> parse("a,b\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("a,\"b\r\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("a,b\"c\r\n"));
        assertEquals(List.of(List.of("a", "", "c,d")), parse("a,,\"c,d\"\r\n"));
    }
}
