package io.hypercast.testing;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.data.CsvImport;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small, deterministic project for engine tests: hourly "load" with a daily and weekly cycle and
 * noise over 70 days from 2024-01-01 UTC, a model on lags of 24 h and 168 h plus hour of day.
 */
public final class SyntheticProject {
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    public static final int HOURS = 70 * 24;

    public final Project project;
    public final Node model;
    public final Node load;

    private SyntheticProject(Project project, Node model, Node load) {
        this.project = project;
        this.model = model;
        this.load = load;
    }

    public static String csv(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("time,load\n");
        for (int h = 0; h < HOURS; h++) {
            double daily = 100 * Math.sin(2 * Math.PI * (h % 24) / 24.0);
            double weekly = 40 * Math.cos(2 * Math.PI * (h % 168) / 168.0);
            double v = 1000 + daily + weekly + rnd.nextGaussian() * 10;
            sb.append(START.plusSeconds(3600L * h)).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", v)).append('\n');
        }
        return sb.toString();
    }

    public static SyntheticProject create(Engine engine, String title) {
        Project p = engine.projects().create(title, "synthetic test data");
        Nots nots = engine.nots();
        CsvImportOptions options = new CsvImportOptions("time", ZoneOffset.UTC, List.of("load"), false);
        CsvImport data = CsvImporter.importText(csv(7), "load.csv", options);
        Node load = nots.importData(p.id(), data, "load.csv", options, "meter").timeSeries().get(0);
        Node model = nots.addNode(p.id(), "load_lgbm", NodeTypes.LIGHTGBM, Map.of("parameters", Map.of("num_boost_round", 30L)));
        for (int hours : new int[] {24, 168}) {
            Node op = nots.addNode(p.id(), "shift_" + hours, NodeTypes.TIME_TRANSFORMATIONS, Map.of("shift", "PT" + hours + "H"));
            nots.connect(p.id(), load.id(), "", op.id(), "");
            Node lag = nots.addNode(p.id(), "load_lag_" + hours + "h", NodeTypes.TIME_SERIES, Map.of("period", "PT1H"));
            nots.connect(p.id(), op.id(), "", lag.id(), "");
            nots.connect(p.id(), lag.id(), "", model.id(), NodeTypes.FEATURES);
        }
        Node cal = nots.addNode(p.id(), "calendar", NodeTypes.TIME_TRENDS, Map.of("time_zone", "UTC"));
        Node hour = nots.addNode(p.id(), "hour_of_day", NodeTypes.TIME_SERIES, Map.of("period", "PT1H"));
        nots.connect(p.id(), cal.id(), "hour_of_day", hour.id(), "");
        nots.connect(p.id(), hour.id(), "", model.id(), NodeTypes.FEATURES);
        nots.connect(p.id(), load.id(), "", model.id(), NodeTypes.TARGETS);
        return new SyntheticProject(p, model, load);
    }

    /** An HPO spec over the last two weeks: fit Mondays on 28 days, predict daily for 24 h. */
    public static String hpoSpecJson(int numTrials, int maxConcurrent, String searchSpace) {
        return """
                {
                  "title": "synthetic HPO",
                  "model": "load_lgbm",
                  "test_start_time": "2024-02-26T00:00:00Z",
                  "test_end_time": "2024-03-11T00:00:00Z",
                  "fit_start_timing": "-P28D",
                  "fit_end_timing": "PT0S",
                  "fit_reference_timing": {"cron_expression": "0 0 * * 1", "time_zone": "UTC"},
                  "predict_start_timing": "PT0S",
                  "predict_end_timing": "PT24H",
                  "predict_reference_timing": {"cron_expression": "0 0 * * *", "time_zone": "UTC"},
                  "search_space": %s,
                  "search_algorithm": {"type": "Hyperopt", "num_trials": %d, "max_concurrent_trials": %d, "n_startup_jobs": 3, "metric": "rmse", "seed": 1}
                }
                """.formatted(searchSpace, numTrials, maxConcurrent);
    }

    public static final String SMALL_SPACE = """
            {"num_boost_round": {"type": "QUniform", "lower": 10, "upper": 40, "q": 10},
             "learning_rate": {"type": "LogUniform", "lower": 0.05, "upper": 0.3}}""";
}
