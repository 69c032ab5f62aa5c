package io.hypercast.engine.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.data.Series;
import io.hypercast.engine.data.Shift;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.CronTiming;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.RelativeTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folds, windows and availability on a small hand-made hourly series whose value is its index. */
class FoldArithmeticTest {
    private static final long H = 3600;
    private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Series target() {
        double[] v = new double[240];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Series.observed(DAY0.getEpochSecond(), H, v);
    }

    private static BacktestSpec spec(String fitCron, String predictCron, String start, String end) {
        return new BacktestSpec("t", "", "m", Instant.parse(start), Instant.parse(end),
                new RelativeTiming(Duration.ofDays(-2)), new RelativeTiming(Duration.ZERO), new CronTiming(fitCron, ZoneOffset.UTC),
                new RelativeTiming(Duration.ZERO), new RelativeTiming(Duration.ofHours(12)), new CronTiming(predictCron, ZoneOffset.UTC));
    }

    private static final BacktestSpec DAILY = spec("0 0 * * *", "0 0,12 * * *", "2024-01-08T00:00:00Z", "2024-01-10T00:00:00Z");

    @Test
    void oneFoldPerFitTimeServingPredictTimesUntilTheNextFit() {
        FoldPlan plan = FoldPlan.of(DAILY);
        assertEquals(2, plan.folds().size());
        assertEquals(Instant.parse("2024-01-08T00:00:00Z"), plan.folds().get(0).fitTime());
        assertEquals(List.of(Instant.parse("2024-01-08T00:00:00Z"), Instant.parse("2024-01-08T12:00:00Z")), plan.folds().get(0).predictTimes());
        assertEquals(List.of(Instant.parse("2024-01-09T00:00:00Z"), Instant.parse("2024-01-09T12:00:00Z")), plan.folds().get(1).predictTimes());
    }

    @Test
    void trainingWindowAndPredictionRowsFollowTheTimings() {
        ModelInputs in = new ModelInputs("y", target(), List.of("lag24"), List.of(Shift.apply(target(), Duration.ofHours(24))));
        FoldMatrix m = new FeatureBuilder(DAILY, in).build(FoldPlan.of(DAILY).folds().get(0));
        assertEquals(48, m.trainRows(), "targets in [f - 2 days, f), all known at f");
        assertEquals(5 * 24, (int) m.trainY()[0], "first training target is 2024-01-06 00:00 (index 120)");
        assertEquals(24, m.predRows(), "two reference times x 12 hourly intervals");
        assertEquals(Instant.parse("2024-01-08T12:00:00Z").getEpochSecond(), m.predRef()[12]);
        assertEquals(Instant.parse("2024-01-08T12:00:00Z").getEpochSecond(), m.predTime()[12]);
        assertEquals(7 * 24 + 12, m.actual()[12]);
        // the last column is the horizon t - r in hours: 0..11 for each reference time
        assertEquals(0f, m.predX()[12 * m.cols() + 1]);
        assertEquals(11f, m.predX()[23 * m.cols() + 1]);
        // a training row takes its horizon from the reference time that would have forecast it
        assertEquals(0f, m.trainX()[1], "2024-01-06 00:00 is forecast at 00:00, horizon 0");
        assertEquals(1f, m.trainX()[13 * m.cols() + 1], "2024-01-06 13:00 is forecast at 12:00, horizon 1");
        assertEquals(120 - 24, m.trainX()[0], "lag 24h of index 120 is index 96");
    }

    @Test
    void aFeatureNotYetKnownAtTheReferenceTimeIsNull() {
        // a 6 h lag of an hourly series is known from t - 5 h: known for horizons 0..5, null for 6..11
        ModelInputs in = new ModelInputs("y", target(), List.of("lag6"), List.of(Shift.apply(target(), Duration.ofHours(6))));
        FoldMatrix m = new FeatureBuilder(DAILY, in).build(FoldPlan.of(DAILY).folds().get(0));
        for (int row = 0; row < 12; row++) {
            float lag = m.predX()[row * m.cols()];
            if (row <= 5) {
                assertEquals(7 * 24 + row - 6, lag, 0, "horizon " + row);
            } else {
                assertTrue(Float.isNaN(lag), "horizon " + row + " must be null");
                assertTrue(m.predHasNull()[row]);
            }
        }
        // training rows copy the same pattern: 2024-01-06 07:00 (horizon 7) has a null lag
        assertTrue(Float.isNaN(m.trainX()[7 * m.cols()]));
        assertEquals(120 + 5 - 6, m.trainX()[5 * m.cols()], 0);
    }

    @Test
    void aPredictTimeBeforeTheFirstFitIsRefusedByName() {
        BacktestSpec s = spec("0 6 * * *", "0 0,12 * * *", "2024-01-08T00:00:00Z", "2024-01-10T00:00:00Z");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FoldPlan.of(s));
        assertTrue(e.getMessage().contains("2024-01-08T00:00:00Z"), e.getMessage());
    }

    @Test
    void moreThan52FoldsIsALimit() {
        BacktestSpec s = spec("0 * * * *", "0 * * * *", "2024-01-08T00:00:00Z", "2024-01-11T00:00:00Z");
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> FoldPlan.of(s));
        assertEquals("folds per backtest", e.limit());
        assertEquals(52, e.value());
    }

    @Test
    void moreThan10000PredictionsPerFoldIsALimit() {
        BacktestSpec s = new BacktestSpec("t", "", "m", Instant.parse("2024-01-08T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"),
                new RelativeTiming(Duration.ofDays(-2)), new RelativeTiming(Duration.ZERO), new CronTiming("0 0 * * 1", ZoneOffset.UTC),
                new RelativeTiming(Duration.ZERO), new RelativeTiming(Duration.ofDays(7)), new CronTiming("*/5 * * * *", ZoneOffset.UTC));
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> FoldPlan.of(s).checkPredictionLimit(s, H));
        assertEquals(10_000, e.value());
    }
}
