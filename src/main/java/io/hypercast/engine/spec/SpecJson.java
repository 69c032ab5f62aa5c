package io.hypercast.engine.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.hypercast.model.ParamValues;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.SearchAlgorithm;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Timing;
import io.hypercast.model.Uniform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes HPO and backtest specs in the JSON shape of SPEC "The HPO spec file", and the
 * smaller pieces other parts of the engine store as JSON (distributions, parameter maps, metrics,
 * timings).
 *
 * <p>Every problem is an {@link InvalidInputException} whose {@code where} is the JSON path of the
 * offending value ({@code search_space.max_depth.lower}, {@code choices[2]} below a distribution),
 * so the command line and the window can say what is wrong and where. Numbers are read exactly
 * (as BigDecimal / BigInteger) so that {@code 1e400} or an integer beyond long is reported as too
 * large instead of silently becoming Infinity or wrapping.
 */
public final class SpecJson {

    // Exact number nodes let us detect overflow; duplicate keys and trailing garbage are errors
    // because a spec file that says two things must not be read as one of them.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    // "key": value with two-space indents and \n on every platform, like the SPEC's example.
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> BACKTEST_KEYS = List.of("title", "description", "model", "test_start_time",
            "test_end_time", "fit_start_timing", "fit_end_timing", "fit_reference_timing", "predict_start_timing",
            "predict_end_timing", "predict_reference_timing");
    private static final List<String> HPO_KEYS;

    static {
        List<String> k = new ArrayList<>(BACKTEST_KEYS);
        k.add("search_space");
        k.add("search_algorithm");
        HPO_KEYS = List.copyOf(k);
    }

    private static final List<String> DISTRIBUTION_TYPES = List.of("Uniform", "QUniform", "LogUniform", "QLogUniform",
            "Choice", "Constant");
    private static final List<String> ALGORITHM_TYPES = List.of("Hyperopt", "Random");
    private static final List<String> METRICS_KEYS = List.of("mae", "mse", "rmse", "mape", "rows", "mape_zero_actuals");

    private static final String DURATION_HINT = "an ISO-8601 duration such as -P42D or PT24H";
    private static final String INSTANT_HINT = "an ISO-8601 instant with an offset such as 2000-07-31T00:00:00Z or 2000-07-31T00:00:00+01:00";

    private SpecJson() {
    }

    // ------------------------------------------------------------------ whole specs

    /** Reads an HPO spec file (a backtest plus {@code search_space} and {@code search_algorithm}). */
    public static HpoSpec readHpo(String json) {
        return readHpo(parse(json));
    }

    public static HpoSpec readHpo(JsonNode root) {
        Obj o = new Obj(root, "", HPO_KEYS, "an HPO spec");
        BacktestSpec backtest = backtestFrom(o);
        SearchSpace space = readSearchSpace(o.required("search_space"), "search_space");
        SearchAlgorithm algorithm = readAlgorithm(o.required("search_algorithm"), "search_algorithm");
        return new HpoSpec(backtest, space, algorithm);
    }

    /** Reads a backtest spec: the HPO shape without {@code search_space} and {@code search_algorithm}. */
    public static BacktestSpec readBacktest(String json) {
        return readBacktest(parse(json));
    }

    public static BacktestSpec readBacktest(JsonNode root) {
        return backtestFrom(new Obj(root, "", BACKTEST_KEYS, "a backtest spec"));
    }

    /** The HPO as a pretty-printed spec file, keys in the SPEC's order. */
    public static String write(HpoSpec spec) {
        return pretty(hpoNode(spec));
    }

    public static String write(BacktestSpec spec) {
        return pretty(backtestNode(spec));
    }

    public static ObjectNode hpoNode(HpoSpec spec) {
        ObjectNode n = backtestNode(spec.backtest());
        ObjectNode space = n.putObject("search_space");
        spec.searchSpace().parameters().forEach((name, d) -> space.set(name, writeDistribution(d)));
        n.set("search_algorithm", algorithmNode(spec.searchAlgorithm()));
        return n;
    }

    public static ObjectNode backtestNode(BacktestSpec b) {
        ObjectNode n = NODES.objectNode();
        n.put("title", b.title());
        n.put("description", b.description());
        n.put("model", b.model());
        n.put("test_start_time", b.testStartTime().toString());
        n.put("test_end_time", b.testEndTime().toString());
        n.set("fit_start_timing", timingNode(b.fitStartTiming()));
        n.set("fit_end_timing", timingNode(b.fitEndTiming()));
        n.set("fit_reference_timing", timingNode(b.fitReferenceTiming()));
        n.set("predict_start_timing", timingNode(b.predictStartTiming()));
        n.set("predict_end_timing", timingNode(b.predictEndTiming()));
        n.set("predict_reference_timing", timingNode(b.predictReferenceTiming()));
        return n;
    }

    private static BacktestSpec backtestFrom(Obj o) {
        String title = o.requiredString("title");
        String description = o.optionalString("description");
        String model = o.requiredString("model");
        Instant testStart = readInstant(o.required("test_start_time"), "test_start_time");
        Instant testEnd = readInstant(o.required("test_end_time"), "test_end_time");
        RelativeTiming fitStart = readRelative(o.required("fit_start_timing"), "fit_start_timing");
        RelativeTiming fitEnd = readRelative(o.required("fit_end_timing"), "fit_end_timing");
        Timing fitReference = readTiming(o.required("fit_reference_timing"), "fit_reference_timing");
        RelativeTiming predictStart = readRelative(o.required("predict_start_timing"), "predict_start_timing");
        RelativeTiming predictEnd = readRelative(o.required("predict_end_timing"), "predict_end_timing");
        Timing predictReference = readTiming(o.required("predict_reference_timing"), "predict_reference_timing");
        // BacktestSpec's own checks already name top-level keys, so its exceptions pass through as they are.
        return new BacktestSpec(title, description, model, testStart, testEnd, fitStart, fitEnd, fitReference,
                predictStart, predictEnd, predictReference);
    }

    // ------------------------------------------------------------------ search space and algorithm

    public static SearchSpace readSearchSpace(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidInputException(where, "must be an object from hyperparameter name to distribution, got " + describe(node));
        }
        Map<String, Distribution> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), readDistribution(e.getValue(), join(where, e.getKey())));
        }
        try {
            return new SearchSpace(params);
        } catch (InvalidInputException e) {
            throw relocate(e, where);
        }
    }

    public static SearchAlgorithm readAlgorithm(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidInputException(where, "must be an object such as {\"type\": \"Hyperopt\", \"num_trials\": 30}, got " + describe(node));
        }
        String type = typeOf(node, where, ALGORITHM_TYPES, "a search algorithm");
        boolean hyperopt = type.equals("Hyperopt");
        List<String> keys = hyperopt
                ? List.of("type", "num_trials", "max_concurrent_trials", "n_startup_jobs", "metric", "seed")
                : List.of("type", "num_trials", "max_concurrent_trials", "metric", "seed");
        Obj o = new Obj(node, where, keys, "a " + type + " search algorithm");
        // SPEC section 4 defaults: Hyperopt(num_trials=10, max_concurrent_trials=1, n_startup_jobs=20, metric='rmse').
        int numTrials = (int) o.optionalInteger("num_trials", 10, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int maxConcurrent = (int) o.optionalInteger("max_concurrent_trials", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int startup = hyperopt ? (int) o.optionalInteger("n_startup_jobs", 20, Integer.MIN_VALUE, Integer.MAX_VALUE) : 0;
        String metricName = o.optionalString("metric");
        long seed = o.optionalInteger("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            Metric metric = metricName == null ? Metric.RMSE : Metric.parse(metricName);
            return hyperopt
                    ? new Hyperopt(numTrials, maxConcurrent, startup, metric, seed)
                    : new RandomSearch(numTrials, maxConcurrent, metric, seed);
        } catch (InvalidInputException e) {
            throw e.within(where);
        }
    }

    public static ObjectNode algorithmNode(SearchAlgorithm a) {
        ObjectNode n = NODES.objectNode();
        n.put("type", a.type());
        n.put("num_trials", a.numTrials());
        n.put("max_concurrent_trials", a.maxConcurrentTrials());
        if (a instanceof Hyperopt h) {
            n.put("n_startup_jobs", h.nStartupJobs());
        }
        n.put("metric", a.metric().key());
        n.put("seed", a.seed());
        return n;
    }

    // ------------------------------------------------------------------ distributions

    /** Reads one distribution object; {@code where} is its path, e.g. {@code search_space.max_depth}. */
    public static Distribution readDistribution(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidInputException(where, "must be a distribution object such as {\"type\": \"Uniform\", \"lower\": 0, \"upper\": 1}, got " + describe(node));
        }
        String type = typeOf(node, where, DISTRIBUTION_TYPES, "a distribution");
        List<String> keys = switch (type) {
            case "Uniform" -> List.of("type", "lower", "upper");
            case "QUniform" -> List.of("type", "lower", "upper", "q");
            case "LogUniform" -> List.of("type", "lower", "upper", "base");
            case "QLogUniform" -> List.of("type", "lower", "upper", "q", "base");
            case "Choice" -> List.of("type", "choices");
            default -> List.of("type", "value");
        };
        Obj o = new Obj(node, where, keys, "a " + type + " distribution");
        // Read every field first (their errors carry full paths), then construct: only the record
        // constructors' errors need locating with within().
        Distribution d;
        switch (type) {
            case "Uniform" -> {
                double lower = o.requiredNumber("lower");
                double upper = o.requiredNumber("upper");
                d = construct(where, () -> new Uniform(lower, upper));
            }
            case "QUniform" -> {
                double lower = o.requiredNumber("lower");
                double upper = o.requiredNumber("upper");
                double q = o.requiredNumber("q");
                d = construct(where, () -> new QUniform(lower, upper, q));
            }
            case "LogUniform" -> {
                double lower = o.requiredNumber("lower");
                double upper = o.requiredNumber("upper");
                double base = o.optionalNumber("base", 10);
                d = construct(where, () -> new LogUniform(lower, upper, base));
            }
            case "QLogUniform" -> {
                double lower = o.requiredNumber("lower");
                double upper = o.requiredNumber("upper");
                double q = o.requiredNumber("q");
                double base = o.optionalNumber("base", 10);
                d = construct(where, () -> new QLogUniform(lower, upper, q, base));
            }
            case "Choice" -> {
                JsonNode arr = o.required("choices");
                String at = join(where, "choices");
                if (!arr.isArray()) {
                    throw new InvalidInputException(at, "must be an array of values, got " + describe(arr));
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    values.add(readValue(arr.get(i), at + "[" + i + "]"));
                }
                d = construct(where, () -> new Choice(values));
            }
            default -> {
                if (!node.has("value")) {
                    throw new InvalidInputException(join(where, "value"), "is required but missing (null is allowed)");
                }
                Object value = readValue(node.get("value"), join(where, "value"));
                d = construct(where, () -> new Constant(value));
            }
        }
        return d;
    }

    public static ObjectNode writeDistribution(Distribution d) {
        ObjectNode n = NODES.objectNode();
        n.put("type", d.type());
        if (d instanceof Uniform u) {
            n.set("lower", numberNode(u.lower()));
            n.set("upper", numberNode(u.upper()));
        } else if (d instanceof QUniform u) {
            n.set("lower", numberNode(u.lower()));
            n.set("upper", numberNode(u.upper()));
            n.set("q", numberNode(u.q()));
        } else if (d instanceof LogUniform u) {
            n.set("lower", numberNode(u.lower()));
            n.set("upper", numberNode(u.upper()));
            n.set("base", numberNode(u.base()));
        } else if (d instanceof QLogUniform u) {
            n.set("lower", numberNode(u.lower()));
            n.set("upper", numberNode(u.upper()));
            n.set("q", numberNode(u.q()));
            n.set("base", numberNode(u.base()));
        } else if (d instanceof Choice c) {
            ArrayNode arr = n.putArray("choices");
            c.choices().forEach(v -> arr.add(valueNode(v)));
        } else if (d instanceof Constant c) {
            n.set("value", valueNode(c.value()));
        }
        return n;
    }

    private interface Construction {
        Distribution make();
    }

    private static Distribution construct(String where, Construction c) {
        try {
            return c.make();
        } catch (InvalidInputException e) {
            throw e.within(where);
        }
    }

    // ------------------------------------------------------------------ parameter values

    /** A JSON object of hyperparameter values: integers become Long, decimals Double; order is kept. */
    public static Map<String, Object> readParams(String json) {
        return readParams(parse(json), "");
    }

    public static Map<String, Object> readParams(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidInputException(where, "must be an object from parameter name to value, got " + describe(node));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), readValue(e.getValue(), join(where, e.getKey())));
        }
        return out;
    }

    /** The parameter map as compact JSON; Long 24 stays {@code 24}, Double 0.05 stays {@code 0.05}, 1.0 stays {@code 1.0}. */
    public static String writeParams(Map<String, ?> params) {
        return compact(paramsNode(params));
    }

    public static ObjectNode paramsNode(Map<String, ?> params) {
        ObjectNode n = NODES.objectNode();
        params.forEach((k, v) -> n.set(k, valueNode(v)));
        return n;
    }

    /**
     * A hyperparameter value: a JSON integer becomes Long (an error beyond long), a decimal becomes
     * Double (an error beyond double), strings, booleans and null stay as they are.
     */
    public static Object readValue(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger b = node.bigIntegerValue();
            if (b.bitLength() > 63) {
                throw new InvalidInputException(where, "the integer " + shortText(node) + " is too large (integers must lie in ["
                        + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "])");
            }
            return b.longValue();
        }
        if (node.isNumber()) {
            return toDouble(node, where);
        }
        throw new InvalidInputException(where, "must be a number, string, boolean or null, got " + describe(node));
    }

    public static JsonNode valueNode(Object value) {
        Object v = ParamValues.normalize(value, "value");
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            // a DoubleNode always prints a '.' or an exponent, so it reads back as Double, never as Long
            return NODES.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode((String) v);
    }

    // ------------------------------------------------------------------ metrics

    public static String writeMetrics(Metrics m) {
        return compact(metricsNode(m));
    }

    /**
     * mae, mse, rmse, mape (null when undefined), rows, mape_zero_actuals. JSON has no NaN or
     * infinity, so a non-finite metric is written as the string "NaN", "Infinity" or "-Infinity" and
     * read back as that double.
     */
    public static ObjectNode metricsNode(Metrics m) {
        ObjectNode n = NODES.objectNode();
        n.set("mae", metricNode(m.mae()));
        n.set("mse", metricNode(m.mse()));
        n.set("rmse", metricNode(m.rmse()));
        n.set("mape", m.mape() == null ? NODES.nullNode() : metricNode(m.mape()));
        n.put("rows", m.rows());
        n.put("mape_zero_actuals", m.mapeZeroActuals());
        return n;
    }

    public static Metrics readMetrics(String json) {
        return readMetrics(parse(json), "");
    }

    public static Metrics readMetrics(JsonNode node, String where) {
        Obj o = new Obj(node, where, METRICS_KEYS, "metrics");
        double mae = metricValue(o.required("mae"), join(where, "mae"));
        double mse = metricValue(o.required("mse"), join(where, "mse"));
        double rmse = metricValue(o.required("rmse"), join(where, "rmse"));
        JsonNode mapeNode = o.get("mape");
        Double mape = mapeNode == null ? null : metricValue(mapeNode, join(where, "mape"));
        long rows = o.requiredInteger("rows", 0, Long.MAX_VALUE);
        long zero = o.optionalInteger("mape_zero_actuals", 0, 0, Long.MAX_VALUE);
        return new Metrics(mae, mse, rmse, mape, rows, zero);
    }

    private static JsonNode metricNode(double v) {
        if (Double.isFinite(v)) {
            return NODES.numberNode(v);
        }
        return NODES.textNode(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    private static double metricValue(JsonNode n, String where) {
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new InvalidInputException(where, "must be a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got " + describe(n));
            }
        }
        return toDouble(requireNumber(n, where), where);
    }

    // ------------------------------------------------------------------ timings and instants

    public static String writeTiming(Timing t) {
        return compact(timingNode(t));
    }

    public static Timing readTiming(String json) {
        return readTiming(parse(json), "");
    }

    /**
     * A string is a RelativeTiming (ISO-8601 duration), an object with {@code time} an
     * AbsoluteTiming, an object with {@code cron_expression} (and optional {@code time_zone},
     * default UTC) a CronTiming.
     */
    public static Timing readTiming(JsonNode node, String where) {
        if (node.isTextual()) {
            return new RelativeTiming(parseDuration(node.textValue(), where));
        }
        if (!node.isObject()) {
            throw new InvalidInputException(where, "must be " + DURATION_HINT + ", or an object with 'time' (absolute) or 'cron_expression' (cron), got "
                    + describe(node));
        }
        if (node.has("time")) {
            Obj o = new Obj(node, where, List.of("time"), "an absolute timing");
            return new AbsoluteTiming(readInstant(o.required("time"), join(where, "time")));
        }
        if (node.has("cron_expression")) {
            Obj o = new Obj(node, where, List.of("cron_expression", "time_zone"), "a cron timing");
            String expression = o.requiredString("cron_expression");
            if (expression.isBlank()) {
                throw new InvalidInputException(join(where, "cron_expression"), "must not be blank; give 5 fields such as \"0 0 * * 1\"");
            }
            String zone = o.optionalString("time_zone");
            // an absent zone is the record's default (UTC, as ZoneOffset.UTC); a named one is kept as named
            return new CronTiming(expression, zone == null ? ZoneOffset.UTC : parseZone(zone, join(where, "time_zone")));
        }
        // neither key: most likely a typo of one of them, so say which
        new Obj(node, where, List.of("time", "cron_expression", "time_zone"), "a timing");
        throw new InvalidInputException(where, "a timing object needs 'time' (an absolute timing) or 'cron_expression' (a cron timing)");
    }

    public static JsonNode timingNode(Timing t) {
        if (t instanceof RelativeTiming r) {
            return NODES.textNode(formatDuration(r.offset()));
        }
        if (t instanceof AbsoluteTiming a) {
            return NODES.objectNode().put("time", a.time().toString());
        }
        CronTiming c = (CronTiming) t;
        ObjectNode n = NODES.objectNode().put("cron_expression", c.expression());
        // ZoneOffset.UTC is the default the reader fills in; writing "UTC" would read back as the
        // region UTC, which is a different (though equivalent) ZoneId.
        if (!c.timeZone().equals(ZoneOffset.UTC)) {
            n.put("time_zone", c.timeZone().getId());
        }
        return n;
    }

    /** An ISO-8601 instant that must carry an offset ({@code Z} or {@code +01:00}); the result is UTC. */
    public static Instant readInstant(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new InvalidInputException(where, "must be " + INSTANT_HINT + ", got " + describe(node));
        }
        return parseInstant(node.textValue(), where);
    }

    public static Instant parseInstant(String text, String where) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(s);
                throw new InvalidInputException(where, "'" + text + "' has no offset, so the instant it means is unknown; write it as "
                        + s + "Z for UTC or with an offset such as +01:00");
            } catch (DateTimeParseException ignored) {
                throw new InvalidInputException(where, "'" + text + "' is not " + INSTANT_HINT + detail(e));
            }
        }
    }

    public static Duration parseDuration(String text, String where) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInputException(where, "'" + text + "' is not " + DURATION_HINT
                    + " (days, hours, minutes and seconds only: weeks, months and years have no fixed length)");
        }
    }

    /**
     * A duration as a person writes it: {@code -P42D}, {@code PT24H}, {@code -PT1H30M}. Whole days from
     * two on are written in days, everything else in hours (so a PT24H horizon stays PT24H), and the
     * sign goes in front: Duration's own toString would write -P42D as PT-1008H.
     */
    public static String formatDuration(Duration d) {
        if (d.isZero()) {
            return "PT0S";
        }
        try {
            Duration abs = d.abs();
            String sign = d.isNegative() ? "-" : "";
            if (abs.getNano() == 0 && abs.getSeconds() % 86_400 == 0 && abs.getSeconds() >= 2 * 86_400) {
                return sign + "P" + abs.toDays() + "D";
            }
            return sign + abs;
        } catch (ArithmeticException e) {
            return d.toString(); // only Duration's most negative value gets here; its own form still parses back
        }
    }

    public static ZoneId parseZone(String id, String where) {
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            String hint = Suggestions.didYouMean(id.trim(), ZoneId.getAvailableZoneIds());
            throw new InvalidInputException(where, "unknown time zone '" + id + "'" + (hint.isEmpty()
                    ? "; use a region id such as Europe/London or UTC" : hint));
        }
    }

    // ------------------------------------------------------------------ JSON text

    /**
     * Parses JSON text; malformed or truncated text is an InvalidInputException located at the
     * innermost key being read, with Jackson's line and column in the message.
     */
    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("", "empty input: expected a JSON object");
        }
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new InvalidInputException("", "empty input: expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            // Jackson names the source as "[Source: REDACTED ...; line: 1, column: 5]"; keep only the position.
            msg = msg.replaceAll("\\[Source: [^\\]]*?; line", "[line");
            throw new InvalidInputException(pathOf(e), "malformed JSON" + at + ": " + msg);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree node could not be written", e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree node could not be written", e);
        }
    }

    // ------------------------------------------------------------------ helpers

    static String join(String where, String key) {
        return where == null || where.isEmpty() ? key : where + "." + key;
    }

    private static InvalidInputException relocate(InvalidInputException e, String where) {
        // SearchSpace reports "search_space" itself; only prefix what is not already located there.
        return e.where().equals(where) || e.where().startsWith(where + ".") ? e : e.within(where);
    }

    /** Reads {@code type}, refusing a missing, non-string or unknown one (with a suggestion). */
    private static String typeOf(JsonNode node, String where, List<String> types, String what) {
        JsonNode t = node.get("type");
        String at = join(where, "type");
        if (t == null || t.isNull()) {
            throw new InvalidInputException(at, "is required but missing: " + what + " is one of " + String.join(", ", types));
        }
        if (!t.isTextual()) {
            throw new InvalidInputException(at, "must be a string, one of " + String.join(", ", types) + ", got " + describe(t));
        }
        String type = t.textValue();
        if (!types.contains(type)) {
            throw new InvalidInputException(at, "unknown type '" + type + "'" + Suggestions.didYouMean(type, types)
                    + " (" + what + " is one of " + String.join(", ", types) + ")");
        }
        return type;
    }

    private static JsonNode requireNumber(JsonNode n, String where) {
        if (!n.isNumber()) {
            throw new InvalidInputException(where, "must be a number, got " + describe(n));
        }
        return n;
    }

    /** A JSON number as a finite double; 1e400 (beyond double) and 1e-400 (below it, but not 0) are errors. */
    private static double toDouble(JsonNode n, String where) {
        BigDecimal exact = n.decimalValue();
        double d = exact.doubleValue();
        if (Double.isInfinite(d)) {
            throw new InvalidInputException(where, "the number " + shortText(n) + " is too large (the limit is about 1.8e308)");
        }
        if (d == 0 && exact.signum() != 0) {
            throw new InvalidInputException(where, "the number " + shortText(n) + " is too small to represent (the limit is about 4.9e-324)");
        }
        return d;
    }

    /** A JSON number that is a whole number (30 or 30.0) within [min, max]. */
    private static long toInteger(JsonNode n, String where, long min, long max) {
        requireNumber(n, where);
        BigDecimal exact = n.decimalValue();
        // Count integer digits before building a BigInteger: 1e999999999 would otherwise take a gigabyte.
        if (exact.precision() - exact.scale() > 20) {
            throw new InvalidInputException(where, "the number " + shortText(n) + " is too large (at most " + max + ")");
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new InvalidInputException(where, "must be a whole number, got " + shortText(n));
        }
        BigInteger b = stripped.toBigIntegerExact();
        if (b.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidInputException(where, "the number " + shortText(n) + " is too large (at most " + max + ")");
        }
        if (b.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new InvalidInputException(where, "the number " + shortText(n) + " is too small (at least " + min + ")");
        }
        return b.longValue();
    }

    private static JsonNode numberNode(double v) {
        // bounds a person wrote as 100 come back as 100, not 100.0; they read back as the same double
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return NODES.numberNode((long) v);
        }
        return NODES.numberNode(v);
    }

    private static String shortText(JsonNode n) {
        String s = n.asText();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String s = n.textValue();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
        }
        if (n.isNumber()) {
            return "the number " + shortText(n);
        }
        if (n.isBoolean()) {
            return "the boolean " + n.booleanValue();
        }
        if (n.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String detail(DateTimeParseException e) {
        String m = e.getMessage();
        int i = m == null ? -1 : m.indexOf("could not be parsed");
        if (i < 0) {
            return "";
        }
        String rest = m.substring(i + "could not be parsed".length()).replaceFirst("^[:,]?\\s*", "");
        return rest.isEmpty() || rest.startsWith("at index") ? "" : " (" + rest + ")";
    }

    /**
     * An object being read: checks on construction that every key is known (an unknown key is named,
     * with the closest known key suggested), then hands out typed values with located errors.
     */
    private static final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path, List<String> known, String what) {
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(path, what + " must be a JSON object, got " + describe(node));
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    String hint = Suggestions.didYouMean(key, known);
                    throw new InvalidInputException(join(path, key), "unknown key '" + key + "'"
                            + (hint.isEmpty() ? " (" + what + " has the keys " + String.join(", ", known) + ")" : hint));
                }
            }
            this.node = node;
            this.path = path;
        }

        /** The value, or null when the key is absent or JSON null (an optional key's null means "not set"). */
        JsonNode get(String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v;
        }

        JsonNode required(String key) {
            JsonNode v = node.get(key);
            if (v == null) {
                throw new InvalidInputException(join(path, key), "is required but missing");
            }
            if (v.isNull()) {
                throw new InvalidInputException(join(path, key), "is required, got null");
            }
            return v;
        }

        String requiredString(String key) {
            return string(required(key), key);
        }

        String optionalString(String key) {
            JsonNode v = get(key);
            return v == null ? null : string(v, key);
        }

        private String string(JsonNode v, String key) {
            if (!v.isTextual()) {
                throw new InvalidInputException(join(path, key), "must be a string, got " + describe(v));
            }
            return v.textValue();
        }

        double requiredNumber(String key) {
            return toDouble(requireNumber(required(key), join(path, key)), join(path, key));
        }

        double optionalNumber(String key, double dflt) {
            JsonNode v = get(key);
            return v == null ? dflt : toDouble(requireNumber(v, join(path, key)), join(path, key));
        }

        long requiredInteger(String key, long min, long max) {
            return toInteger(required(key), join(path, key), min, max);
        }

        long optionalInteger(String key, long dflt, long min, long max) {
            JsonNode v = get(key);
            return v == null ? dflt : toInteger(v, join(path, key), min, max);
        }
    }

    /** The relative timings of a backtest window must be duration strings. */
    private static RelativeTiming readRelative(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new InvalidInputException(where, "must be " + DURATION_HINT + " (relative to the reference time), got " + describe(node));
        }
        return new RelativeTiming(parseDuration(node.textValue(), where));
    }
}
