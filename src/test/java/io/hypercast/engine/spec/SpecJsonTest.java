package io.hypercast.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypercast.model.AbsoluteTiming;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Distribution;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LogUniform;
import io.hypercast.model.Metric;
import io.hypercast.model.Metrics;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Timing;
import io.hypercast.model.Uniform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecJsonTest {

    /** The SPEC's own example file. */
    static final String SPEC_EXAMPLE = """
            {
              "title": "Demand LightGBM HPO",
              "description": "optional",
              "model": "demand_lgbm",
              "test_start_time": "2000-07-31T00:00:00+01:00",
              "test_end_time": "2000-08-28T00:00:00+01:00",
              "fit_start_timing": "-P42D",
              "fit_end_timing": "PT0S",
              "fit_reference_timing": {"cron_expression": "0 0 * * 1", "time_zone": "Europe/London"},
              "predict_start_timing": "PT0S",
              "predict_end_timing": "PT24H",
              "predict_reference_timing": {"cron_expression": "0 0 * * *", "time_zone": "Europe/London"},
              "search_space": {
                "num_boost_round": {"type": "LogUniform", "lower": 100, "upper": 1000},
                "max_depth": {"type": "QUniform", "lower": 1, "upper": 12, "q": 1},
                "learning_rate": {"type": "LogUniform", "lower": 0.005, "upper": 0.2},
                "min_child_weight": {"type": "QUniform", "lower": 0, "upper": 100, "q": 5},
                "objective": {"type": "Choice", "choices": ["mean_squared_error", "mean_absolute_error"]}
              },
              "search_algorithm": {"type": "Hyperopt", "num_trials": 30, "max_concurrent_trials": 2,
                                   "n_startup_jobs": 20, "metric": "rmse", "seed": 0}
            }
            """;

    /** The example with one key's value replaced by raw JSON (or the key removed when value is null). */
    static String with(String key, String value) {
        JsonNode root = SpecJson.parse(SPEC_EXAMPLE);
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) root;
        if (value == null) {
            o.remove(key);
        } else {
            o.set(key, SpecJson.parse("{\"v\": " + value + "}").get("v"));
        }
        return SpecJson.compact(o);
    }

    /** The HPO file without its search: a backtest file. */
    static String backtestOf(String hpoJson) {
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) SpecJson.parse(hpoJson);
        o.remove("search_space");
        o.remove("search_algorithm");
        return SpecJson.compact(o);
    }

    static InvalidInputException hpoError(String json) {
        return assertThrows(InvalidInputException.class, () -> SpecJson.readHpo(json));
    }

    static void assertMessageContains(InvalidInputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    // ------------------------------------------------------------------ reading the example

    @Test
    void readsTheSpecExample() {
        HpoSpec h = SpecJson.readHpo(SPEC_EXAMPLE);
        BacktestSpec b = h.backtest();
        assertEquals("Demand LightGBM HPO", b.title());
        assertEquals("optional", b.description());
        assertEquals("demand_lgbm", b.model());
        assertEquals(Instant.parse("2000-07-30T23:00:00Z"), b.testStartTime());
        assertEquals(Instant.parse("2000-08-27T23:00:00Z"), b.testEndTime());
        assertEquals(new RelativeTiming(Duration.ofDays(-42)), b.fitStartTiming());
        assertEquals(new RelativeTiming(Duration.ZERO), b.fitEndTiming());
        assertEquals(new CronTiming("0 0 * * 1", ZoneId.of("Europe/London")), b.fitReferenceTiming());
        assertEquals(new RelativeTiming(Duration.ofHours(24)), b.predictEndTiming());

        Map<String, Distribution> p = h.searchSpace().parameters();
        assertEquals(List.of("num_boost_round", "max_depth", "learning_rate", "min_child_weight", "objective"),
                new ArrayList<>(p.keySet()), "order kept");
        assertEquals(new LogUniform(100, 1000, 10), p.get("num_boost_round"));
        assertEquals(new QUniform(1, 12, 1), p.get("max_depth"));
        assertEquals(new QUniform(0, 100, 5), p.get("min_child_weight"));
        assertEquals(new Choice(List.of("mean_squared_error", "mean_absolute_error")), p.get("objective"));
        assertEquals(new Hyperopt(30, 2, 20, Metric.RMSE, 0), h.searchAlgorithm());
    }

    @Test
    void algorithmDefaultsFollowTheSpec() {
        HpoSpec h = SpecJson.readHpo(with("search_algorithm", "{\"type\": \"Hyperopt\"}"));
        assertEquals(new Hyperopt(10, 1, 20, Metric.RMSE, 0), h.searchAlgorithm());

        HpoSpec r = SpecJson.readHpo(with("search_algorithm",
                "{\"type\": \"Random\", \"num_trials\": 5, \"metric\": \"mape\", \"seed\": 7}"));
        assertEquals(new RandomSearch(5, 1, Metric.MAPE, 7), r.searchAlgorithm());
        // a whole number written with a decimal point is still a whole number
        HpoSpec w = SpecJson.readHpo(with("search_algorithm", "{\"type\": \"Hyperopt\", \"num_trials\": 30.0}"));
        assertEquals(30, w.searchAlgorithm().numTrials());
    }

    @Test
    void timingsOfAllThreeKinds() {
        assertEquals(new RelativeTiming(Duration.ofHours(-6)), SpecJson.readTiming("\"-PT6H\""));
        assertEquals(new AbsoluteTiming(Instant.parse("2000-07-31T00:00:00Z")),
                SpecJson.readTiming("{\"time\": \"2000-07-31T00:00:00Z\"}"));
        assertEquals(new AbsoluteTiming(Instant.parse("2000-07-30T23:00:00Z")),
                SpecJson.readTiming("{\"time\": \"2000-07-31T00:00:00+01:00\"}"));
        Timing cron = SpecJson.readTiming("{\"cron_expression\": \"0 17 * * *\"}");
        assertEquals(new CronTiming("0 17 * * *", ZoneOffset.UTC), cron, "time_zone defaults to UTC");
        assertEquals(new CronTiming("0 17 * * *", ZoneId.of("America/New_York")),
                SpecJson.readTiming("{\"cron_expression\": \"0 17 * * *\", \"time_zone\": \"America/New_York\"}"));

        BacktestSpec b = SpecJson.readBacktest(backtestOf(with("fit_reference_timing", "{\"time\": \"2000-07-31T00:00:00+01:00\"}")));
        assertEquals(new AbsoluteTiming(Instant.parse("2000-07-30T23:00:00Z")), b.fitReferenceTiming());
    }

    @Test
    void distributionsOfEveryType() {
        assertEquals(new Uniform(-1.5, 2), dist("{\"type\": \"Uniform\", \"lower\": -1.5, \"upper\": 2}"));
        assertEquals(new QUniform(0, 100, 5), dist("{\"type\": \"QUniform\", \"lower\": 0, \"upper\": 100, \"q\": 5}"));
        assertEquals(new LogUniform(0.005, 0.2, 2), dist("{\"type\": \"LogUniform\", \"lower\": 0.005, \"upper\": 0.2, \"base\": 2}"));
        assertEquals(new QLogUniform(10, 1000, 10, 10),
                dist("{\"type\": \"QLogUniform\", \"lower\": 10, \"upper\": 1000, \"q\": 10}"));
        Choice c = (Choice) dist("{\"type\": \"Choice\", \"choices\": [24, 0.05, \"huber\", true, null, 1.0]}");
        assertEquals(Arrays.asList(24L, 0.05, "huber", true, null, 1.0), c.choices());
        assertInstanceOf(Long.class, c.choices().get(0), "a JSON integer is a Long");
        assertInstanceOf(Double.class, c.choices().get(5), "a JSON decimal is a Double, even when whole");
        assertEquals(new Constant(null), dist("{\"type\": \"Constant\", \"value\": null}"));
        assertEquals(new Constant(7L), dist("{\"type\": \"Constant\", \"value\": 7}"));
        assertEquals(new Constant("x"), dist("{\"type\": \"Constant\", \"value\": \"x\"}"));
    }

    static Distribution dist(String json) {
        return SpecJson.readDistribution(SpecJson.parse(json), "search_space.p");
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void hpoRoundTripsThroughWrite() {
        HpoSpec h = SpecJson.readHpo(SPEC_EXAMPLE);
        String written = SpecJson.write(h);
        assertEquals(h, SpecJson.readHpo(written));
        assertEquals(h.searchSpace(), SpecJson.readHpo(written).searchSpace());
        // a person can still read it: days stay days, whole bounds stay whole, keys snake_case
        assertTrue(written.contains("\"fit_start_timing\": \"-P42D\""), written);
        assertTrue(written.contains("\"lower\": 100,"), written);
        assertTrue(written.contains("\"learning_rate\""), written);
        assertFalse(written.contains("\r"), "\\n line ends on every platform");
    }

    @Test
    void everyShapeRoundTrips() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("a", new Uniform(-0.5, 1e-7));
        space.put("b", new QUniform(0.001, 0.01, 0.0015));
        space.put("c", new LogUniform(1e-6, 1e20, Math.E));
        space.put("d", new QLogUniform(1, 1024, 1, 2));
        space.put("e", new Choice(Arrays.asList(1L, 2.0, "1", false, null, Long.MAX_VALUE, -2.5e-300)));
        space.put("f", new Constant(0.1));
        BacktestSpec b = new BacktestSpec("t \"quoted\" ünïcode", null, "m", Instant.parse("2001-01-01T00:00:00.123456789Z"),
                Instant.parse("2001-02-01T00:00:00Z"), new RelativeTiming(Duration.ofDays(-1).minusMinutes(90)),
                new RelativeTiming(Duration.ofSeconds(-1)), new AbsoluteTiming(Instant.parse("2001-01-01T00:00:00Z")),
                new RelativeTiming(Duration.ofMillis(1500)), new RelativeTiming(Duration.ofDays(400)),
                new CronTiming("*/5 * * * *", ZoneId.of("UTC")));
        for (var alg : List.of(new Hyperopt(150, 5, 0, Metric.MAE, -3), new RandomSearch(1, 1, Metric.MSE, Long.MAX_VALUE))) {
            HpoSpec h = new HpoSpec(b, new SearchSpace(space), alg);
            HpoSpec back = SpecJson.readHpo(SpecJson.write(h));
            assertEquals(h, back);
            assertEquals(h.searchSpace(), back.searchSpace());
            assertEquals(h.searchAlgorithm(), back.searchAlgorithm());
            // ...and the written text is stable
            assertEquals(SpecJson.write(h), SpecJson.write(back));
        }
        assertEquals(b, SpecJson.readBacktest(SpecJson.write(b)));
        assertEquals(SpecJson.write(b), SpecJson.write(SpecJson.readBacktest(SpecJson.write(b))));
        Choice e = (Choice) SpecJson.readHpo(SpecJson.write(new HpoSpec(b, new SearchSpace(space),
                new Hyperopt(1, 1)))).searchSpace().parameters().get("e");
        assertInstanceOf(Long.class, e.choices().get(0));
        assertInstanceOf(Double.class, e.choices().get(1));
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals("-P42D", SpecJson.formatDuration(Duration.ofDays(-42)));
        assertEquals("PT24H", SpecJson.formatDuration(Duration.ofHours(24)));
        assertEquals("PT30H", SpecJson.formatDuration(Duration.ofHours(30)));
        assertEquals("-PT1H30M", SpecJson.formatDuration(Duration.ofMinutes(-90)));
        assertEquals("PT0S", SpecJson.formatDuration(Duration.ZERO));
        assertEquals("-PT1.5S", SpecJson.formatDuration(Duration.ofMillis(-1500)));
        for (Duration d : List.of(Duration.ofDays(-42), Duration.ofHours(30), Duration.ofMillis(-1500), Duration.ofNanos(1),
                Duration.ofDays(-1).plusNanos(1), Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))) {
            assertEquals(d, Duration.parse(SpecJson.formatDuration(d)), d::toString);
        }
    }

    @Test
    void paramsKeepTheirTypesAndOrder() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("num_boost_round", 24L);
        in.put("learning_rate", 0.05);
        in.put("subsample", 1.0);
        in.put("objective", "quantile");
        in.put("fit_on_null_values", false);
        in.put("alpha", null);
        in.put("small", Integer.valueOf(3));
        String json = SpecJson.writeParams(in);
        assertEquals("{\"num_boost_round\":24,\"learning_rate\":0.05,\"subsample\":1.0,\"objective\":\"quantile\","
                + "\"fit_on_null_values\":false,\"alpha\":null,\"small\":3}", json);
        Map<String, Object> back = SpecJson.readParams(json);
        assertEquals(new ArrayList<>(in.keySet()), new ArrayList<>(back.keySet()));
        assertEquals(24L, back.get("num_boost_round"));
        assertEquals(0.05, back.get("learning_rate"));
        assertEquals(1.0, back.get("subsample"));
        assertInstanceOf(Double.class, back.get("subsample"));
        assertEquals(3L, back.get("small"));
        assertTrue(back.containsKey("alpha"));
        assertNull(back.get("alpha"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpecJson.readParams("{\"a\": [1]}"));
        assertEquals("a", e.where());
        e = assertThrows(InvalidInputException.class, () -> SpecJson.readParams("{\"a\": 99999999999999999999}"));
        assertEquals("a", e.where());
        assertMessageContains(e, "too large");
    }

    @Test
    void metricsRoundTrip() {
        for (Metrics m : List.of(new Metrics(1.5, 4.0, 2.0, 12.25, 100, 3), new Metrics(0, 0, 0, null, 0, 5),
                new Metrics(Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, 1, 0))) {
            assertEquals(m, SpecJson.readMetrics(SpecJson.writeMetrics(m)));
        }
        assertEquals("{\"mae\":1.5,\"mse\":4.0,\"rmse\":2.0,\"mape\":null,\"rows\":10,\"mape_zero_actuals\":10}",
                SpecJson.writeMetrics(new Metrics(1.5, 4, 2, null, 10, 10)));
        assertEquals(new Metrics(1, 2, 3, null, 4, 0), SpecJson.readMetrics("{\"mae\":1,\"mse\":2,\"rmse\":3,\"rows\":4}"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SpecJson.readMetrics("{\"mae\":1,\"mse\":2,\"rmse\":3,\"rows\":4,\"mapee\":1}"));
        assertEquals("mapee", e.where());
        assertMessageContains(e, "did you mean 'mape'");
    }

    @Test
    void timingsRoundTrip() {
        for (Timing t : List.of(new RelativeTiming(Duration.ofDays(-28)), new AbsoluteTiming(Instant.parse("2000-07-31T00:00:00Z")),
                new CronTiming("0 0 * * 1"), new CronTiming("0 0 * * 1", ZoneId.of("Europe/London")),
                new CronTiming("0 0 * * 1", ZoneId.of("UTC")), new CronTiming("0 0 * * 1", ZoneOffset.ofHours(2)))) {
            assertEquals(t, SpecJson.readTiming(SpecJson.writeTiming(t)), t::toString);
        }
        assertEquals("{\"cron_expression\":\"0 0 * * 1\"}", SpecJson.writeTiming(new CronTiming("0 0 * * 1")));
    }

    // ------------------------------------------------------------------ errors, each located

    @Test
    void malformedAndTruncatedJsonGiveLineAndColumn() {
        String truncated = SPEC_EXAMPLE.substring(0, SPEC_EXAMPLE.indexOf("\"max_depth\"") + 20);
        InvalidInputException e = hpoError(truncated);
        assertMessageContains(e, "malformed JSON at line ", "column ");
        assertTrue(e.where().startsWith("search_space"), e.where());
        assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());

        e = hpoError("{\"title\": \"x\",, }");
        assertMessageContains(e, "malformed JSON at line 1, column 15");
        e = hpoError("{\"title\": \"x\"} trailing");
        assertMessageContains(e, "malformed JSON");
        e = hpoError("{\"title\": \"x\", \"title\": \"y\"}");
        assertMessageContains(e, "Duplicate field 'title'");
        e = hpoError("   ");
        assertMessageContains(e, "empty");
        e = hpoError("[1, 2]");
        assertMessageContains(e, "must be a JSON object", "an array");
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        InvalidInputException e = hpoError(SPEC_EXAMPLE.replace("\"title\"", "\"titel\""));
        assertEquals("titel", e.where());
        assertMessageContains(e, "unknown key 'titel'", "did you mean 'title'?");

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\"", "\"num_trails\""));
        assertEquals("search_algorithm.num_trails", e.where());
        assertMessageContains(e, "did you mean 'num_trials'?");

        e = hpoError(SPEC_EXAMPLE.replace("\"q\": 1}", "\"q\": 1, \"step\": 2}"));
        assertEquals("search_space.max_depth.step", e.where());
        assertMessageContains(e, "unknown key 'step'", "lower, upper, q");

        e = hpoError(with("fit_reference_timing", "{\"cron_expression\": \"0 0 * * 1\", \"timezone\": \"Europe/London\"}"));
        assertEquals("fit_reference_timing.timezone", e.where());
        assertMessageContains(e, "did you mean 'time_zone'?");

        e = hpoError(with("predict_reference_timing", "{\"cron_expresion\": \"0 0 * * *\"}"));
        assertEquals("predict_reference_timing.cron_expresion", e.where());
        assertMessageContains(e, "did you mean 'cron_expression'?");

        // a backtest has no search space
        String backtest = with("search_algorithm", null);
        InvalidInputException b = assertThrows(InvalidInputException.class, () -> SpecJson.readBacktest(backtest));
        assertEquals("search_space", b.where());
    }

    @Test
    void wrongTypesSayWhatIsExpected() {
        InvalidInputException e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": \"30\""));
        assertEquals("search_algorithm.num_trials", e.where());
        assertMessageContains(e, "must be a number", "the string \"30\"");

        e = hpoError(SPEC_EXAMPLE.replace("\"lower\": 1, \"upper\": 12", "\"lower\": \"1\", \"upper\": 12"));
        assertEquals("search_space.max_depth.lower", e.where());
        assertMessageContains(e, "must be a number");

        e = hpoError(with("title", "42"));
        assertEquals("title", e.where());
        assertMessageContains(e, "must be a string", "the number 42");

        e = hpoError(with("fit_start_timing", "{\"time\": \"2000-01-01T00:00:00Z\"}"));
        assertEquals("fit_start_timing", e.where());
        assertMessageContains(e, "ISO-8601 duration");

        e = hpoError(with("search_space", "[]"));
        assertEquals("search_space", e.where());

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": 2.5"));
        assertMessageContains(e, "must be a whole number");

        e = hpoError(SPEC_EXAMPLE.replace("[\"mean_squared_error\", \"mean_absolute_error\"]", "[\"a\", {\"b\": 1}]"));
        assertEquals("search_space.objective.choices[1]", e.where());
        assertMessageContains(e, "must be a number, string, boolean or null");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        for (String key : List.of("title", "model", "test_start_time", "test_end_time", "fit_start_timing", "fit_end_timing",
                "fit_reference_timing", "predict_start_timing", "predict_end_timing", "predict_reference_timing",
                "search_space", "search_algorithm")) {
            InvalidInputException e = hpoError(with(key, null));
            assertEquals(key, e.where());
            assertMessageContains(e, "required");
        }
        InvalidInputException e = hpoError(with("title", "null"));
        assertEquals("title", e.where());
        // description is optional
        assertEquals("", SpecJson.readHpo(with("description", null)).backtest().description());

        e = hpoError(SPEC_EXAMPLE.replace("\"lower\": 1, \"upper\": 12, \"q\": 1", "\"lower\": 1, \"upper\": 12"));
        assertEquals("search_space.max_depth.q", e.where());
        assertMessageContains(e, "required");
        e = hpoError(with("search_algorithm", "{\"num_trials\": 3}"));
        assertEquals("search_algorithm.type", e.where());
        assertMessageContains(e, "Hyperopt, Random");
        e = hpoError(with("search_space", "{\"a\": {\"type\": \"Constant\"}}"));
        assertEquals("search_space.a.value", e.where());
    }

    @Test
    void hugeNumbersAreRefusedNotWrapped() {
        InvalidInputException e = hpoError(SPEC_EXAMPLE.replace("\"upper\": 0.2", "\"upper\": 1e400"));
        assertEquals("search_space.learning_rate.upper", e.where());
        assertMessageContains(e, "too large");

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": 99999999999999999999999"));
        assertEquals("search_algorithm.num_trials", e.where());
        assertMessageContains(e, "too large", "2147483647");

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": 1e999999999"));
        assertEquals("search_algorithm.num_trials", e.where());
        assertMessageContains(e, "too large");

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": 3000000000"));
        assertMessageContains(e, "too large");

        e = hpoError(SPEC_EXAMPLE.replace("\"seed\": 0", "\"seed\": 9223372036854775808"));
        assertEquals("search_algorithm.seed", e.where());
        assertMessageContains(e, "too large");

        e = hpoError(SPEC_EXAMPLE.replace("\"lower\": 0.005", "\"lower\": 1e-400"));
        assertEquals("search_space.learning_rate.lower", e.where());
        assertMessageContains(e, "too small");

        e = hpoError(SPEC_EXAMPLE.replace("\"mean_absolute_error\"]", "\"mean_absolute_error\", 18446744073709551616]"));
        assertEquals("search_space.objective.choices[2]", e.where());
        assertMessageContains(e, "too large");
    }

    @Test
    void badDurationsInstantsAndZones() {
        InvalidInputException e = hpoError(with("fit_start_timing", "\"-42 days\""));
        assertEquals("fit_start_timing", e.where());
        assertMessageContains(e, "'-42 days' is not an ISO-8601 duration");
        e = hpoError(with("predict_end_timing", "\"P1M\""));
        assertEquals("predict_end_timing", e.where());
        assertMessageContains(e, "months");

        e = hpoError(with("test_start_time", "\"2000-07-31\""));
        assertEquals("test_start_time", e.where());
        assertMessageContains(e, "ISO-8601 instant");
        e = hpoError(with("test_start_time", "\"2000-07-31T00:00:00\""));
        assertMessageContains(e, "has no offset", "2000-07-31T00:00:00Z");
        e = hpoError(with("test_start_time", "\"2000-02-30T00:00:00Z\""));
        assertMessageContains(e, "FEBRUARY 30");
        e = hpoError(with("fit_reference_timing", "{\"time\": \"yesterday\"}"));
        assertEquals("fit_reference_timing.time", e.where());

        e = hpoError(SPEC_EXAMPLE.replace("\"0 0 * * 1\", \"time_zone\": \"Europe/London\"", "\"0 0 * * 1\", \"time_zone\": \"Europe/Londn\""));
        assertEquals("fit_reference_timing.time_zone", e.where());
        assertMessageContains(e, "unknown time zone 'Europe/Londn'", "did you mean 'Europe/London'?");
        e = hpoError(SPEC_EXAMPLE.replace("\"0 0 * * 1\", \"time_zone\": \"Europe/London\"", "\"0 0 * * 1\", \"time_zone\": \"Mars/Olympus\""));
        assertEquals("fit_reference_timing.time_zone", e.where());
        assertMessageContains(e, "unknown time zone 'Mars/Olympus'");

        e = hpoError(with("fit_reference_timing", "{}"));
        assertEquals("fit_reference_timing", e.where());
        assertMessageContains(e, "'time'", "'cron_expression'");
        e = hpoError(with("fit_reference_timing", "{\"cron_expression\": \" \"}"));
        assertEquals("fit_reference_timing.cron_expression", e.where());
    }

    @Test
    void unknownDistributionTypesAndRecordRulesAreLocated() {
        InvalidInputException e = hpoError(SPEC_EXAMPLE.replace("\"type\": \"QUniform\", \"lower\": 1", "\"type\": \"Quniform\", \"lower\": 1"));
        assertEquals("search_space.max_depth.type", e.where());
        assertMessageContains(e, "unknown type 'Quniform'", "did you mean 'QUniform'?");
        e = hpoError(SPEC_EXAMPLE.replace("\"type\": \"QUniform\", \"lower\": 1", "\"type\": \"Normal\", \"lower\": 1"));
        assertMessageContains(e, "Uniform, QUniform, LogUniform, QLogUniform, Choice, Constant");

        // rules of the records themselves, re-thrown with the full path
        e = hpoError(SPEC_EXAMPLE.replace("\"lower\": 1, \"upper\": 12", "\"lower\": 12, \"upper\": 1"));
        assertEquals("search_space.max_depth.lower", e.where());
        assertMessageContains(e, "must be less than upper");
        e = hpoError(SPEC_EXAMPLE.replace("\"lower\": 0.005", "\"lower\": 0"));
        assertEquals("search_space.learning_rate.lower", e.where());
        assertMessageContains(e, "lower > 0");
        e = hpoError(SPEC_EXAMPLE.replace("\"upper\": 100, \"q\": 5", "\"upper\": 100, \"q\": 0"));
        assertEquals("search_space.min_child_weight.q", e.where());
        e = hpoError(SPEC_EXAMPLE.replace("[\"mean_squared_error\", \"mean_absolute_error\"]", "[]"));
        assertEquals("search_space.objective.choices", e.where());
        e = hpoError(SPEC_EXAMPLE.replace("[\"mean_squared_error\", \"mean_absolute_error\"]", "[\"a\", \"a\"]"));
        assertEquals("search_space.objective.choices[1]", e.where());
        assertMessageContains(e, "duplicate");
        e = hpoError(with("search_space", "{}"));
        assertEquals("search_space", e.where());

        e = hpoError(SPEC_EXAMPLE.replace("\"num_trials\": 30", "\"num_trials\": 0"));
        assertEquals("search_algorithm.num_trials", e.where());
        assertMessageContains(e, "at least 1");
        e = hpoError(SPEC_EXAMPLE.replace("\"metric\": \"rmse\"", "\"metric\": \"r2\""));
        assertEquals("search_algorithm.metric", e.where());
        assertMessageContains(e, "'r2'");
        e = hpoError(SPEC_EXAMPLE.replace("\"n_startup_jobs\": 20", "\"n_startup_jobs\": -1"));
        assertEquals("search_algorithm.n_startup_jobs", e.where());
        e = hpoError(SPEC_EXAMPLE.replace("\"type\": \"Hyperopt\"", "\"type\": \"Random\""));
        assertEquals("search_algorithm.n_startup_jobs", e.where(), "Random has no startup jobs");

        // BacktestSpec's own rules keep their top-level keys
        e = hpoError(with("fit_end_timing", "\"PT1H\""));
        assertEquals("fit_end_timing", e.where());
        e = hpoError(with("test_end_time", "\"2000-01-01T00:00:00Z\""));
        assertEquals("test_end_time", e.where());
        e = hpoError(with("predict_reference_timing", "\"PT1H\""));
        assertEquals("predict_reference_timing", e.where());
    }
}
