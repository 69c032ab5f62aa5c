package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.Settings;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.testing.SyntheticProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile input for a bounded time: random mutations of valid CSV files fed to the
 * engine's import, and of a valid HPO spec fed to the spec parser and createHpo. Every input must
 * end in a clean result or an InvalidInputException (a spec may also hit a LimitExceededException,
 * a named refusal), within 15 s, and a refused input must leave the store's tables as they were.
 *
 * <p>Reproducible: the seed is printed; {@code -Dhypercast.fuzz.seed=N} replays it ({@code random}
 * picks a new one), {@code -Dhypercast.fuzz.seconds=S} sets the time per target (default 5).
 */
class FuzzTest {
    private static final long DEFAULT_SEED = 20_240_611L;

    @TempDir
    Path dir;
    private Engine engine;
    private UUID project;
    private ExecutorService worker;
    private Connection probe;

    @BeforeEach
    void open() {
        engine = Engine.open(new Settings(dir, dir.resolve("fuzz.db"), "reliability", Duration.ofMinutes(10)), new TrialScheduler(1, 1),
                Clock.systemUTC());
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void close() throws Exception {
        if (probe != null) {
            probe.close();
        }
        worker.shutdownNow();
        engine.close();
    }

    static long seed() {
        String s = System.getProperty("hypercast.fuzz.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT_SEED;
        }
        return s.equals("random") ? System.nanoTime() : Long.parseLong(s.strip());
    }

    static Duration budget() {
        return Duration.ofSeconds(Long.getLong("hypercast.fuzz.seconds", 5));
    }

    /** What the store's tables hold, cheaply: row counts and the total size of the data blobs. */
    private String shape() throws Exception {
        if (probe == null) {
            probe = StoreProbe.readOnly(dir.resolve("fuzz.db"));
        }
        Connection c = probe;
        {
            return "nodes=" + StoreProbe.count(c, "SELECT count(*) FROM node") + " edges=" + StoreProbe.count(c, "SELECT count(*) FROM edge")
                    + " series=" + StoreProbe.count(c, "SELECT count(*) FROM series_data")
                    + " bytes=" + StoreProbe.count(c, "SELECT coalesce(sum(length(data)), 0) FROM series_data")
                    + " experiments=" + StoreProbe.count(c, "SELECT count(*) FROM experiment");
        }
    }

    private interface Body {
        String run() throws Exception;
    }

    /** Runs one input on the worker thread; anything but a clean end or an allowed refusal fails the test with the replay data. */
    private String attempt(String what, long seed, int iteration, String input, Body body) {
        Future<String> f = worker.submit(body::run);
        try {
            return f.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(report(what + " took more than 15 s", seed, iteration, input), e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InvalidInputException || c instanceof LimitExceededException) {
                return "refused";
            }
            throw new AssertionError(report(what + " crashed with " + c, seed, iteration, input), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String report(String problem, long seed, int iteration, String input) {
        String shown = input.length() > 3000 ? input.substring(0, 3000) + "... (" + input.length() + " chars)" : input;
        return problem + "\nreplay with -Dhypercast.fuzz.seed=" + seed + " (iteration " + iteration + ")\ninput:\n" + escape(shown);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\n' || ch >= 0x20 && ch < 0x7f) {
                b.append(ch);
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            }
        }
        return b.toString();
    }

    // ---- CSV ----------------------------------------------------------------------------------------

    static List<String> csvCorpus() {
        List<String> out = new ArrayList<>();
        StringBuilder a = new StringBuilder("time,load,price\n");
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (int h = 0; h < 30; h++) {
            a.append(t0.plusSeconds(3600L * h)).append(',').append(1000 + h * 3.25).append(',').append(h % 5 == 0 ? "" : String.valueOf(-h)).append('\n');
        }
        out.add(a.toString());
        StringBuilder b = new StringBuilder("\uFEFFtimestamp;\"demand; MW\";temp\r\n");
        ZoneId ams = ZoneId.of("Europe/Amsterdam");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (Instant t = Instant.parse("2022-10-29T22:00:00Z"); t.isBefore(Instant.parse("2022-10-31T00:00:00Z")); t = t.plusSeconds(1800)) {
            b.append(LocalDateTime.ofInstant(t, ams).format(f)).append(';').append("\"1.234,5\"").append(';').append("12,5").append("\r\n");
        }
        out.add(b.toString());
        out.add("\"Date\",\"v\"\n\"01/02/2024\",\"1\"\n\"02/02/2024\",\"2\"\n\"03/02/2024\",\"3\"\n\"13/02/2024\",\"4\"\n");
        return out;
    }

    private static final String[] CSV_INSERTS = {",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ", "", "\uFEFF", "\u0000",
        "ü", "€", "\uD83D\uDE00", "\u202E", "\u2028", "NaN", "Infinity", "-inf", "1e308", "1e309", "-0", "9".repeat(400), "1e-400",
        "2024-01-01T00:00:00Z", "2022-03-27 02:30", "+14:00", "Z", "=cmd|' /C calc'!A0", "0x1F", "1_000", "1.2.3"};

    static String mutateCsv(String base, SplittableRandom r) {
        StringBuilder s = new StringBuilder(base);
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n && s.length() > 0; k++) {
            int pos = r.nextInt(s.length() + 1);
            switch (r.nextInt(8)) {
                case 0 -> s.setLength(pos); // truncation
                case 1 -> { // a flipped character
                    int p = Math.min(pos, s.length() - 1);
                    s.setCharAt(p, (char) (s.charAt(p) ^ (1 << r.nextInt(7))));
                }
                case 2 -> s.insert(pos, CSV_INSERTS[r.nextInt(CSV_INSERTS.length)]);
                case 3 -> { // a line duplicated, deleted or moved
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    int j = r.nextInt(lines.size());
                    switch (r.nextInt(3)) {
                        case 0 -> lines.add(j, lines.get(i));
                        case 1 -> lines.remove(i);
                        default -> lines.add(j, lines.remove(i));
                    }
                    s = new StringBuilder(String.join("\n", lines));
                }
                case 4 -> { // a digit changed: years, hours, values
                    int p = Math.min(pos, s.length() - 1);
                    for (int q = p; q < s.length(); q++) {
                        if (Character.isDigit(s.charAt(q))) {
                            s.setCharAt(q, (char) ('0' + r.nextInt(10)));
                            break;
                        }
                    }
                }
                case 5 -> s.delete(pos, Math.min(s.length(), pos + 1 + r.nextInt(20)));
                case 6 -> { // a random run of bytes
                    StringBuilder junk = new StringBuilder();
                    for (int q = r.nextInt(12); q > 0; q--) {
                        junk.append((char) r.nextInt(0x3000));
                    }
                    s.insert(pos, junk);
                }
                default -> s.insert(pos, String.valueOf(s.charAt(Math.min(pos, s.length() - 1))).repeat(1 + r.nextInt(50)));
            }
        }
        return s.toString();
    }

    @Test
    void mutatedCsvFilesAreImportedOrRefusedCleanlyAndNeverHalfWritten() throws Exception {
        long seed = seed();
        System.out.println("FuzzTest CSV seed " + seed + " (replay: -Dhypercast.fuzz.seed=" + seed + ")");
        project = engine.projects().create("fuzz csv", "").id();
        List<String> corpus = csvCorpus();
        List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/New_York"));
        SplittableRandom master = new SplittableRandom(seed);
        long until = System.nanoTime() + budget().toNanos();
        int imported = 0;
        int refused = 0;
        int i = 0;
        for (; System.nanoTime() < until; i++) {
            SplittableRandom r = master.split();
            String text = mutateCsv(corpus.get(r.nextInt(corpus.size())), r);
            // bytes as a file would hold them: usually UTF-8, sometimes Latin-1 or with raw invalid bytes
            byte[] bytes = switch (r.nextInt(6)) {
                case 0 -> text.getBytes(StandardCharsets.ISO_8859_1);
                case 1 -> {
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
                    }
                    yield b;
                }
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
            Path file = dir.resolve("fuzz-" + i + ".csv");
            Files.write(file, bytes);
            CsvImportOptions options = CsvImportOptions.inZone(zones.get(r.nextInt(zones.size()))).withSkipBadRows(r.nextInt(4) == 0);
            String before = shape();
            String name = "src" + i;
            String outcome = attempt("importing a CSV", seed, i, text, () -> {
                Nots.Imported x = engine.nots().importCsv(project, file, options, name);
                return "imported " + x.timeSeries().size();
            });
            String after = shape();
            if (outcome.equals("refused")) {
                refused++;
                assertEquals(before, after, report("a refused import changed the store", seed, i, text));
            } else {
                imported++;
                assertTrue(!before.equals(after), report("an import that succeeded stored nothing", seed, i, text));
            }
            Files.delete(file);
        }
        System.out.println("FuzzTest CSV: " + i + " inputs, " + imported + " imported, " + refused + " refused");
        assertEquals("ok", StoreProbe.integrityCheck(dir.resolve("fuzz.db")));
        assertTrue(i >= 20, "the fuzzer ran only " + i + " inputs");
        assertTrue(imported > 0 && refused > 0, "the mutations hit both sides: " + imported + " imported, " + refused + " refused");
    }

    // ---- spec ---------------------------------------------------------------------------------------

    static List<String> specCorpus() {
        String base = SyntheticProject.hpoSpecJson(5, 2, SyntheticProject.SMALL_SPACE);
        return List.of(base,
                SyntheticProject.hpoSpecJson(20, 3, """
                        {"max_depth": {"type": "QUniform", "lower": 1, "upper": 12, "q": 1},
                         "objective": {"type": "Choice", "choices": ["mean_squared_error", "quantile", null]},
                         "min_child_weight": {"type": "QLogUniform", "lower": 0.001, "upper": 10, "q": 0.001, "base": 2},
                         "alpha": {"type": "Constant", "value": 0.5}}""").replace("\"Hyperopt\"", "\"Random\"").replace("\"n_startup_jobs\": 3, ", ""),
                base.replace("{\"cron_expression\": \"0 0 * * 1\", \"time_zone\": \"UTC\"}", "{\"time\": \"2024-02-26T01:00:00+01:00\"}")
                        .replace("\"UTC\"", "\"Europe/London\""));
    }

    private static final String[] SPEC_INSERTS = {"\"", "{", "}", "[", "]", ",", ":", "null", "true", "-", "1e400", "1e-400",
        "99999999999999999999999", "-1", "0", "0.5", "NaN", "\\u0000", "\\", "ü", "\uD83D\uDE00", "\n", "//", "/*", "'",
        "\"extra\": 1,", "[[[[[[[[[[", "*/0", "8", "60", "L", "7-1", "@daily", "P1W", "P99999999999D", "-PT0S", "+99999-01-01T00:00:00Z"};

    static String mutateSpec(String base, SplittableRandom r) {
        StringBuilder s = new StringBuilder(base);
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && s.length() > 0; k++) {
            int pos = r.nextInt(s.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> s.setLength(pos);
                case 1 -> {
                    int p = Math.min(pos, s.length() - 1);
                    s.setCharAt(p, (char) (s.charAt(p) ^ (1 << r.nextInt(7))));
                }
                case 2 -> s.insert(pos, SPEC_INSERTS[r.nextInt(SPEC_INSERTS.length)]);
                case 3 -> { // a value replaced: the text between a colon and the next comma or brace
                    int colon = s.indexOf(":", pos);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < s.length() && ",}\n".indexOf(s.charAt(end)) < 0) {
                            end++;
                        }
                        s.replace(colon + 1, end, " " + SPEC_INSERTS[r.nextInt(SPEC_INSERTS.length)]);
                    }
                }
                case 4 -> { // a digit changed
                    for (int q = Math.min(pos, s.length() - 1); q < s.length(); q++) {
                        if (Character.isDigit(s.charAt(q))) {
                            s.setCharAt(q, (char) ('0' + r.nextInt(10)));
                            break;
                        }
                    }
                }
                case 5 -> { // a line duplicated or deleted
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    if (r.nextBoolean()) {
                        lines.add(i, lines.get(i));
                    } else {
                        lines.remove(i);
                    }
                    s = new StringBuilder(String.join("\n", lines));
                }
                default -> s.delete(pos, Math.min(s.length(), pos + 1 + r.nextInt(10)));
            }
        }
        return s.toString();
    }

    @Test
    void mutatedSpecFilesAreSavedOrRefusedCleanlyAndNeverHalfWritten() throws Exception {
        long seed = seed();
        System.out.println("FuzzTest spec seed " + seed + " (replay: -Dhypercast.fuzz.seed=" + seed + ")");
        project = SyntheticProject.create(engine, "fuzz spec").project.id();
        List<String> corpus = specCorpus();
        for (String valid : corpus) {
            engine.experiments().createHpo(project, SpecJson.readHpo(valid)); // the corpus itself is valid
        }
        SplittableRandom master = new SplittableRandom(seed);
        long until = System.nanoTime() + budget().toNanos();
        int saved = 0;
        int refused = 0;
        int i = 0;
        for (; System.nanoTime() < until; i++) {
            SplittableRandom r = master.split();
            String text = mutateSpec(corpus.get(r.nextInt(corpus.size())), r);
            String before = shape();
            String outcome = attempt("reading and saving a spec", seed, i, text, () -> {
                HpoSpec spec = SpecJson.readHpo(text);
                engine.experiments().createHpo(project, spec);
                return "saved";
            });
            String after = shape();
            if (outcome.equals("refused")) {
                refused++;
                assertEquals(before, after, report("a refused spec changed the store", seed, i, text));
            } else {
                saved++;
                assertTrue(!before.equals(after), report("a saved spec is not in the store", seed, i, text));
            }
        }
        System.out.println("FuzzTest spec: " + i + " inputs, " + saved + " saved, " + refused + " refused");
        assertEquals("ok", StoreProbe.integrityCheck(dir.resolve("fuzz.db")));
        assertTrue(i >= 20, "the fuzzer ran only " + i + " inputs");
        if (saved == 0 || refused == 0) {
            fail("the mutations hit only one side: " + saved + " saved, " + refused + " refused");
        }
    }
}
