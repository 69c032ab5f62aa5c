package io.hypercast.engine.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.data.Series;
import io.hypercast.engine.data.Shift;
import io.hypercast.engine.data.TimeTrend;
import io.hypercast.engine.data.TimeTrends;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Prediction;
import io.hypercast.model.RelativeTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 3's hard rule: replacing every observed value known only after r by garbage leaves
 * the predictions issued at r bit-for-bit unchanged.
 */
class LeakageTest {
    private static final long H = 3600;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static double[] load(int n) {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1000 + 100 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + rnd.nextGaussian() * 20;
        }
        return v;
    }

    private static ModelInputs inputs(Series target) {
        Series hour = TimeTrends.compute(TimeTrend.HOUR_OF_DAY, target.start(), target.end(), H, ZoneOffset.UTC);
        return new ModelInputs("load", target,
                List.of("lag1", "lag24", "lag168", "hour"),
                List.of(Shift.apply(target, Duration.ofHours(1)), Shift.apply(target, Duration.ofHours(24)),
                        Shift.apply(target, Duration.ofHours(168)), hour));
    }

    private static final BacktestSpec SPEC = new BacktestSpec("leak", "", "m", Instant.parse("2024-02-05T00:00:00Z"),
            Instant.parse("2024-02-19T00:00:00Z"), new RelativeTiming(Duration.ofDays(-21)), new RelativeTiming(Duration.ZERO),
            new CronTiming("0 0 * * 1", ZoneOffset.UTC), new RelativeTiming(Duration.ZERO), new RelativeTiming(Duration.ofHours(36)),
            new CronTiming("0 6 * * *", ZoneOffset.UTC));

    private static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "mean_squared_error");
        p.put("num_boost_round", 40L);
        p.put("learning_rate", 0.1);
        p.put("max_depth", -1L);
        p.put("max_leaves", 31L);
        p.put("min_data_in_leaf", 20L);
        p.put("min_child_weight", 1e-3);
        p.put("min_gain_to_split", 0.0);
        p.put("subsample", 1.0);
        p.put("colsample_bytree", 1.0);
        p.put("reg_alpha", 0.0);
        p.put("reg_lambda", 0.0);
        p.put("alpha", 0.9);
        p.put("fit_on_null_values", true);
        p.put("predict_on_null_values", true);
        return p;
    }

    @Test
    void garbageKnownOnlyAfterRLeavesPredictionsAtRBitForBitUnchanged() {
        double[] clean = load(60 * 24);
        Series target = Series.observed(START.getEpochSecond(), H, clean);
        TrialOutcome before = BacktestRunner.run(PreparedBacktest.prepare(SPEC, inputs(target)), params(), 1, 42, () -> false);

        // r: a reference time inside the second fold
        long r = Instant.parse("2024-02-14T06:00:00Z").getEpochSecond();
        double[] garbled = clean.clone();
        SplittableRandom rnd = new SplittableRandom(99);
        int replaced = 0;
        for (int i = 0; i < garbled.length; i++) {
            if (target.knownFrom(i) > r) {
                garbled[i] = rnd.nextDouble() * 1e6 - 5e5;
                replaced++;
            }
        }
        assertTrue(replaced > 100);
        Series dirty = Series.observed(START.getEpochSecond(), H, garbled);
        TrialOutcome after = BacktestRunner.run(PreparedBacktest.prepare(SPEC, inputs(dirty)), params(), 1, 42, () -> false);

        List<Prediction> a = before.predictions();
        List<Prediction> b = after.predictions();
        assertEquals(a.size(), b.size());
        int checked = 0;
        boolean laterChanged = false;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).time(), b.get(i).time());
            assertEquals(a.get(i).referenceTime(), b.get(i).referenceTime());
            long ref = a.get(i).referenceTime().getEpochSecond();
            if (ref <= r) {
                assertEquals(Double.doubleToRawLongBits(a.get(i).prediction()), Double.doubleToRawLongBits(b.get(i).prediction()),
                        "prediction for " + a.get(i).time() + " issued at " + a.get(i).referenceTime());
                checked++;
            } else if (a.get(i).prediction() != b.get(i).prediction()) {
                laterChanged = true;
            }
        }
        assertTrue(checked >= 36 * 10, "predictions issued up to r were compared: " + checked);
        assertTrue(laterChanged, "the garbage must reach predictions issued after r, or the test proves nothing");
    }
}
