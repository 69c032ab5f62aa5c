package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.testing.SyntheticProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HPO spec files through {@code hypercast hpo create}: each is refused with exit code 2
 * (3 for a limit), a message naming the key, no stack trace, and the store exactly as before.
 * SpecJsonTest covers the parser's messages in detail; this is the whole path a user takes.
 */
class HostileSpecTest {
    @TempDir
    static Path dir;
    private static Path db;
    private static String project;

    static final String VALID = SyntheticProject.hpoSpecJson(10, 2, SyntheticProject.SMALL_SPACE);

    @BeforeAll
    static void store() {
        db = dir.resolve("spec.db");
        try (Engine engine = Engine.open(new Settings(dir, db, "reliability", Duration.ofMinutes(10)), new TrialScheduler(1, 1), Clock.systemUTC())) {
            project = SyntheticProject.create(engine, "spec target").project.id().toString();
        }
    }

    private static String replace(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("the valid spec has no '" + from + "'");
        }
        return VALID.replace(from, to);
    }

    static Stream<Arguments> hostileSpecs() {
        return Stream.of(
                Arguments.of("truncated", VALID.substring(0, VALID.length() * 3 / 5), 2, List.of("malformed JSON at line", "column")),
                Arguments.of("truncated inside a string", VALID.substring(0, VALID.indexOf("load_lgbm") + 4), 2, List.of("model", "malformed JSON")),
                Arguments.of("empty file", "", 2, List.of("empty input")),
                Arguments.of("not an object", "[1, 2, 3]", 2, List.of("must be a JSON object")),
                Arguments.of("trailing garbage", VALID + "}", 2, List.of("malformed JSON")),
                Arguments.of("duplicate key", replace("\"title\": \"synthetic HPO\",", "\"title\": \"a\", \"title\": \"b\","), 2,
                        List.of("title", "Duplicate field")),
                Arguments.of("unknown top-level key", replace("\"title\"", "\"titel\""), 2, List.of("titel: unknown key", "title")),
                Arguments.of("unknown algorithm key", replace("\"max_concurrent_trials\"", "\"max_concurent_trials\""), 2,
                        List.of("search_algorithm.max_concurent_trials: unknown key")),
                Arguments.of("unknown distribution key", replace("\"lower\": 0.05", "\"lowr\": 0.05"), 2,
                        List.of("search_space.learning_rate.lowr: unknown key")),
                Arguments.of("unknown hyperparameter", replace("\"learning_rate\":", "\"learning_rat\":"), 2, List.of("learning_rat")),
                Arguments.of("number as text", replace("\"num_trials\": 10", "\"num_trials\": \"ten\""), 2,
                        List.of("search_algorithm.num_trials: must be a number")),
                Arguments.of("instant as number", replace("\"2024-02-26T00:00:00Z\"", "20240226"), 2, List.of("test_start_time: must be")),
                Arguments.of("space as array", replace("\"search_space\": {", "\"search_space\": [{").replace("}},\n  \"search_algorithm\"",
                        "}}],\n  \"search_algorithm\""), 2, List.of("search_space: must be an object")),
                Arguments.of("timing as number", replace("\"fit_start_timing\": \"-P28D\"", "\"fit_start_timing\": -28"), 2,
                        List.of("fit_start_timing: must be")),
                Arguments.of("huge float for an integer", replace("\"num_trials\": 10", "\"num_trials\": 1e400"), 2,
                        List.of("search_algorithm.num_trials", "too large")),
                Arguments.of("huge exponent", replace("\"num_trials\": 10", "\"num_trials\": 1e999999999"), 2,
                        List.of("search_algorithm.num_trials", "too large")),
                Arguments.of("huge integer", replace("\"seed\": 1", "\"seed\": 99999999999999999999999999"), 2,
                        List.of("search_algorithm.seed", "too large")),
                Arguments.of("huge bound", replace("\"upper\": 0.3", "\"upper\": 1e999"), 2, List.of("search_space.learning_rate.upper", "too large")),
                Arguments.of("tiny bound", replace("\"lower\": 0.05", "\"lower\": 1e-400"), 2, List.of("search_space.learning_rate.lower", "too small")),
                Arguments.of("too many trials for an int", replace("\"num_trials\": 10", "\"num_trials\": 4294967296"), 2,
                        List.of("search_algorithm.num_trials", "too large")),
                Arguments.of("year 999999999", replace("\"2024-03-11T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\""), 2,
                        List.of("test_end_time", "years 1 to 9999")),
                Arguments.of("year -999999999", replace("\"2024-02-26T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\""), 2,
                        List.of("test_start_time", "years 1 to 9999")),
                Arguments.of("fit window reaching before year 1", replace("\"-P28D\"", "\"-P1000000000D\""), 2,
                        List.of("fit_start_timing", "years 1 to 9999")),
                Arguments.of("horizon beyond any instant", replace("\"PT24H\"", "\"PT2562047788015215H\""), 2,
                        List.of("predict_end_timing", "years 1 to 9999")),
                Arguments.of("model that does not exist", replace("\"model\": \"load_lgbm\"", "\"model\": \"no_such_model\""), 2,
                        List.of("model: no model 'no_such_model'", "load_lgbm")),
                Arguments.of("cron with 6 fields", replace("\"0 0 * * 1\"", "\"0 0 0 * * 1\""), 2,
                        List.of("fit_reference_timing.cron_expression", "6 fields")),
                Arguments.of("cron with a backwards range", replace("\"0 0 * * *\"", "\"0 23-5 * * *\""), 2,
                        List.of("predict_reference_timing.cron_expression", "backwards")),
                Arguments.of("cron with an out-of-range minute", replace("\"0 0 * * *\"", "\"0-60 0 * * *\""), 2,
                        List.of("predict_reference_timing.cron_expression", "minute 60")),
                Arguments.of("cron with day of week 8", replace("\"0 0 * * 1\"", "\"0 0 * * 8\""), 2,
                        List.of("fit_reference_timing.cron_expression", "day of week 8")),
                Arguments.of("cron that never fires", replace("\"0 0 * * 1\"", "\"0 0 30 2 *\""), 2,
                        List.of("fit_reference_timing.cron_expression", "never fires")),
                Arguments.of("unknown time zone", replace("\"time_zone\": \"UTC\"}", "\"time_zone\": \"Mars/Olympus\"}"), 2,
                        List.of("fit_reference_timing.time_zone", "Mars/Olympus")),
                Arguments.of("too many trials", replace("\"num_trials\": 10", "\"num_trials\": 151"), 3, List.of("trials per HPO", "150")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSpecs")
    void aHostileSpecIsRefusedNamingTheKeyAndTheStoreIsUnchanged(String name, String spec, int code, List<String> fragments) throws Exception {
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, spec, StandardCharsets.UTF_8);
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.ALL_TABLES);
        InProcessCli r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> InProcessCli.run("hpo", "create", "--project", project, "--spec", file.toString(), "--db", db.toString()));
        r.assertRefused(code, fragments.toArray(String[]::new));
        assertEquals(before, StoreProbe.dump(db, StoreProbe.ALL_TABLES), "the store is unchanged");
    }

    @Test
    void aProjectThatDoesNotExistIsNamed() throws Exception {
        Path file = dir.resolve("valid.json");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.ALL_TABLES);
        InProcessCli.run("hpo", "create", "--project", "No such project", "--spec", file.toString(), "--db", db.toString())
                .assertRefused(2, "project", "No such project");
        InProcessCli.run("hpo", "create", "--project", "00000000-0000-0000-0000-000000000000", "--spec", file.toString(), "--db", db.toString())
                .assertRefused(2, "project", "00000000-0000-0000-0000-000000000000");
        InProcessCli.run("hpo", "create", "--project", project, "--spec", dir.resolve("missing.json").toString(), "--db", db.toString())
                .assertRefused(2, "--spec", "missing.json");
        assertEquals(before, StoreProbe.dump(db, StoreProbe.ALL_TABLES), "the store is unchanged");
        InProcessCli ok = InProcessCli.run("hpo", "create", "--project", project, "--spec", file.toString(), "--db", db.toString());
        assertEquals(0, ok.code(), "the valid spec the cases mutate is accepted: " + ok.err());
    }

    /** A 3 GB (sparse) file given as a spec is refused by its size, not read into memory. */
    @Test
    void aHugeSpecFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        try {
            Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.ALL_TABLES);
            InProcessCli r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> InProcessCli.run("hpo", "create", "--project", project, "--spec", big.toString(), "--db", db.toString()));
            r.assertRefused(2, "--spec", "huge.json", "3072 MB");
            assertEquals(before, StoreProbe.dump(db, StoreProbe.ALL_TABLES), "the store is unchanged");
        } finally {
            Files.delete(big);
        }
    }

    /**
     * A test period of centuries with a minutely fit or predict cron: refused at once as a limit,
     * without listing millions of reference times first (which took minutes and gigabytes).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hugePeriods")
    void aHugeTestPeriodWithAMinutelyCronIsRefusedQuickly(String name, String spec, String limit) throws Exception {
        Path file = dir.resolve("huge.json");
        Files.writeString(file, spec, StandardCharsets.UTF_8);
        Map<String, List<String>> before = StoreProbe.dump(db, StoreProbe.ALL_TABLES);
        InProcessCli r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> InProcessCli.run("hpo", "create", "--project", project, "--spec", file.toString(), "--db", db.toString()));
        r.assertRefused(3, limit);
        assertEquals(before, StoreProbe.dump(db, StoreProbe.ALL_TABLES), "the store is unchanged");
    }

    static Stream<Arguments> hugePeriods() {
        String centuries = replace("\"2024-03-11T00:00:00Z\"", "\"2999-01-01T00:00:00Z\"");
        return Stream.of(
                Arguments.of("minutely fits", centuries.replace("\"0 0 * * 1\"", "\"* * * * *\""), "folds per backtest"),
                Arguments.of("minutely predictions", centuries.replace("\"0 0 * * 1\"", "\"0 0 1 1 *\"").replace("\"0 0 * * *\"", "\"* * * * *\""),
                        "folds per backtest"),
                Arguments.of("minutely predictions, one absolute fit",
                        centuries.replace("{\"cron_expression\": \"0 0 * * 1\", \"time_zone\": \"UTC\"}", "{\"time\": \"2024-02-26T00:00:00Z\"}")
                                .replace("\"0 0 * * *\"", "\"* * * * *\""), "predictions per fold"));
    }
}
