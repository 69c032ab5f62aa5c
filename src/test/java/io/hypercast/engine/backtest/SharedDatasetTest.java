package io.hypercast.engine.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.data.Series;
import io.hypercast.engine.data.Shift;
import io.hypercast.engine.data.TimeTrend;
import io.hypercast.engine.data.TimeTrends;
import io.hypercast.engine.models.LightGbmKind;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.CronTiming;
import io.hypercast.model.FoldResult;
import io.hypercast.model.RelativeTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The folds' LightGBM Datasets are built once per run and shared by its trials, also by trials that
 * train at the same time: every trial's outcome must be bit for bit the one it has alone on a run of
 * its own.
 */
class SharedDatasetTest {
    private static final long H = 3600;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final BacktestSpec SPEC = new BacktestSpec("shared", "", "m", Instant.parse("2024-02-05T00:00:00Z"),
            Instant.parse("2024-02-26T00:00:00Z"), new RelativeTiming(Duration.ofDays(-21)), new RelativeTiming(Duration.ZERO),
            new CronTiming("0 0 * * 1", ZoneOffset.UTC), new RelativeTiming(Duration.ZERO), new RelativeTiming(Duration.ofHours(36)),
            new CronTiming("0 6 * * *", ZoneOffset.UTC));

    /** Hourly load with gaps (missing values in the lags), a daily shape and noise; lags of 1, 24 and 168 h and the hour. */
    private static ModelInputs inputs() {
        int n = 60 * 24;
        SplittableRandom rnd = new SplittableRandom(7);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 97 == 5 ? Double.NaN : 1000 + 100 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + (i / 24 % 7 >= 5 ? -80 : 0)
                    + rnd.nextGaussian() * 20;
        }
        Series target = Series.observed(START.getEpochSecond(), H, v);
        Series hour = TimeTrends.compute(TimeTrend.HOUR_OF_DAY, target.start(), target.end(), H, ZoneOffset.UTC);
        return new ModelInputs("load", target, List.of("lag1", "lag24", "lag168", "hour"),
                List.of(Shift.apply(target, Duration.ofHours(1)), Shift.apply(target, Duration.ofHours(24)),
                        Shift.apply(target, Duration.ofHours(168)), hour));
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("num_boost_round", 60L);
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return LightGbmKind.INSTANCE.resolve(p, "test");
    }

    private record Trial(Map<String, Object> params, long seed) {
    }

    /** Trials that differ in what the Dataset does not depend on, and in what it does (rows kept, pre-filter). */
    private static List<Trial> trials() {
        List<Map<String, Object>> ps = List.of(
                params(),
                params("min_data_in_leaf", 5L, "max_depth", 4L),
                params("min_data_in_leaf", 120L, "min_child_weight", 10.0),
                params("min_data_in_leaf", 300L),
                params("learning_rate", 0.3, "max_leaves", 7L, "reg_lambda", 2.0),
                params("subsample", 0.6),
                params("colsample_bytree", 0.5),
                params("colsample_bytree", 0.5, "min_data_in_leaf", 60L),
                params("fit_on_null_values", false),
                params("fit_on_null_values", false, "subsample", 0.8, "colsample_bytree", 0.75),
                params("objective", "mean_absolute_error"),
                params("objective", "quantile", "alpha", 0.2));
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            out.add(new Trial(ps.get(i), 1000 + i));
            out.add(new Trial(ps.get(i), 77)); // the same seed as other trials
        }
        return out;
    }

    private static void assertSame(TrialOutcome expected, TrialOutcome actual, String what) {
        assertEquals(expected.predictions().size(), actual.predictions().size(), what);
        for (int i = 0; i < expected.predictions().size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.predictions().get(i).prediction()),
                    Double.doubleToRawLongBits(actual.predictions().get(i).prediction()), what + ", prediction " + i);
        }
        for (int i = 0; i < expected.folds().size(); i++) {
            FoldResult e = expected.folds().get(i);
            FoldResult a = actual.folds().get(i);
            assertEquals(e.fitRows(), a.fitRows(), what);
            assertEquals(e.predictions(), a.predictions(), what);
            assertEquals(e.metrics(), a.metrics(), what);
        }
        assertEquals(expected.metrics(), actual.metrics(), what);
    }

    @Test
    void concurrentTrialsOnSharedDatasetsGiveTheOutcomesOfTrialsAlone() throws Exception {
        ModelInputs inputs = inputs();
        List<Trial> trials = trials();
        // each trial alone, on a run of its own: its Datasets are built for it only
        List<TrialOutcome> alone = new ArrayList<>();
        for (Trial t : trials) {
            try (PreparedBacktest own = PreparedBacktest.prepare(SPEC, inputs)) {
                alone.add(BacktestRunner.run(own, t.params(), 1, t.seed(), () -> false));
            }
        }
        try (PreparedBacktest shared = PreparedBacktest.prepare(SPEC, inputs)) {
            assertTrue(shared.foldCount() >= 3, "several folds");
            // every trial three times, in a shuffled order, four at a time
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < trials.size(); i++) {
                    order.add(i);
                }
            }
            Collections.shuffle(order, new Random(3));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<TrialOutcome>> running = new ArrayList<>();
                for (int i : order) {
                    Trial t = trials.get(i);
                    running.add(pool.submit(() -> BacktestRunner.run(shared, t.params(), 1, t.seed(), () -> false)));
                }
                for (int k = 0; k < order.size(); k++) {
                    int i = order.get(k);
                    assertSame(alone.get(i), running.get(k).get(), "trial " + i + " " + trials.get(i).params());
                }
            } finally {
                pool.shutdownNow();
            }
            // Datasets per fold: fit_on_null_values true / false, and with colsample_bytree < 1 one per
            // min_data_in_leaf (20, 60) and fit_on_null_values (false with min_data_in_leaf 20)
            for (int f = 0; f < shared.foldCount(); f++) {
                assertEquals(5, shared.training(f).datasetsBuilt(), "fold " + f);
            }
        }
    }

    @Test
    void foldsTrainedByHelpingThreadsGiveTheSameOutcome() throws Exception {
        ModelInputs inputs = inputs();
        List<Trial> trials = trials();
        try (PreparedBacktest prepared = PreparedBacktest.prepare(SPEC, inputs)) {
            ExecutorService helpers = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < trials.size(); i += 3) {
                    Trial t = trials.get(i);
                    TrialOutcome alone = BacktestRunner.run(prepared, t.params(), 1, t.seed(), () -> false);
                    BacktestRunner.Work work = BacktestRunner.start(prepared, t.params(), 1, t.seed(), () -> false);
                    List<Future<Integer>> helped = new ArrayList<>();
                    for (int h = 0; h < 2; h++) {
                        helped.add(helpers.submit(() -> {
                            int n = 0;
                            while (work.help()) {
                                n++;
                            }
                            return n;
                        }));
                    }
                    assertSame(alone, work.run(), "trial " + i + " with helpers");
                    int byHelpers = 0;
                    for (Future<Integer> h : helped) {
                        byHelpers += h.get();
                    }
                    assertTrue(byHelpers <= prepared.foldCount());
                }
                // a helper that takes every fold first: the trial's own thread only waits and puts them together
                Trial t = trials.get(1);
                BacktestRunner.Work work = BacktestRunner.start(prepared, t.params(), 1, t.seed(), () -> false);
                int n = 0;
                while (work.help()) {
                    n++;
                }
                assertEquals(prepared.foldCount(), n);
                assertSame(BacktestRunner.run(prepared, t.params(), 1, t.seed(), () -> false), work.run(), "all folds by a helper");
            } finally {
                helpers.shutdownNow();
            }
        }
    }

    @Test
    void aFailingFoldFailsTheTrialWhoeverTrainsIt() {
        try (PreparedBacktest prepared = PreparedBacktest.prepare(SPEC, inputs())) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            // a helper trains fold 0; then the trial is cancelled and its own thread meets the cancel at fold 1
            BacktestRunner.Work work = BacktestRunner.start(prepared, params(), 1, 5, stop::get);
            assertTrue(work.help());
            stop.set(true);
            assertThrows(io.hypercast.engine.models.TrialCancelledException.class, work::run);
        }
    }

    @Test
    void aClosedRunRefusesNewTrials() {
        PreparedBacktest prepared = PreparedBacktest.prepare(SPEC, inputs());
        TrialOutcome before = BacktestRunner.run(prepared, params(), 1, 5, () -> false);
        assertTrue(before.predictions().size() > 0);
        prepared.close();
        assertThrows(IllegalStateException.class, () -> BacktestRunner.run(prepared, params(), 1, 5, () -> false));
        prepared.close(); // twice is fine
    }
}
