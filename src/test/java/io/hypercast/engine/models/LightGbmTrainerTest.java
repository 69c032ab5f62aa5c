package io.hypercast.engine.models;

import io.hypercast.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LightGbmTrainerTest {

    /** y = 3*x0 + small noise; x1 is an irrelevant distractor. */
    static final class Data {
        final int rows;
        final int cols = 2;
        final float[] x;
        final float[] y;

        Data(int rows, long seed) {
            this.rows = rows;
            x = new float[rows * cols];
            y = new float[rows];
            Random r = new Random(seed);
            for (int i = 0; i < rows; i++) {
                x[i * cols] = (float) (r.nextDouble() * 10);
                x[i * cols + 1] = (float) r.nextGaussian();
                y[i] = (float) (3 * x[i * cols] + r.nextGaussian() * 0.1);
            }
        }
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static TrainedModel train(Data d, Map<String, Object> p, int threads, long seed) {
        return LightGbmTrainer.train(d.x, d.rows, d.cols, d.y, p, threads, seed, () -> false);
    }

    @Test
    void learnsALinearFunction() {
        Data train = new Data(2000, 1);
        Data test = new Data(200, 2);
        try (TrainedModel m = train(train, params("num_boost_round", 200L, "learning_rate", 0.1), 1, 0)) {
            double[] pred = m.predict(test.x, test.rows);
            assertEquals(test.rows, pred.length);
            double sumAbs = 0;
            for (int i = 0; i < test.rows; i++) {
                sumAbs += Math.abs(pred[i] - test.y[i]);
            }
            double mae = sumAbs / test.rows;
            assertTrue(mae < 0.3, "mae " + mae);
            assertEquals(2000, m.trainingRows());
            assertEquals(0, m.droppedRows());
            assertEquals(200, m.rounds());
            assertEquals(2, m.columns());
            assertEquals(0, m.predict(new float[0], 0).length);
            // a row with a missing feature still gets a prediction
            assertTrue(Double.isFinite(m.predict(new float[] {5f, Float.NaN}, 1)[0]));
            assertThrows(IllegalArgumentException.class, () -> m.predict(new float[3], 1));
        }
    }

    @Test
    void everyObjectiveTrains() {
        Data d = new Data(500, 3);
        for (String objective : LightGbmKind.OBJECTIVES) {
            try (TrainedModel m = train(d, params("objective", objective, "alpha", 0.5, "num_boost_round", 50L,
                    "reg_alpha", 1e-8, "min_child_weight", 2.5e-7), 1, 0)) {
                double p = m.predict(new float[] {5f, 0f}, 1)[0];
                assertEquals(15, p, 3, objective);
            }
        }
    }

    @Test
    void sameDataParamsSeedAndThreadsGiveBitIdenticalPredictions() {
        // small on purpose: two OpenMP threads spin-wait badly on a loaded two-core machine
        Data d = new Data(1000, 4);
        Data test = new Data(300, 5);
        // bagging and feature sampling make the seed matter
        Map<String, Object> p = params("subsample", 0.7, "colsample_bytree", 0.5, "num_boost_round", 20L, "max_leaves", 15L);
        double[] a;
        double[] b;
        double[] c;
        try (TrainedModel m = train(d, p, 2, 11)) {
            a = m.predict(test.x, test.rows);
        }
        try (TrainedModel m = train(d, p, 2, 11)) {
            b = m.predict(test.x, test.rows);
        }
        try (TrainedModel m = train(d, p, 2, 12)) {
            c = m.predict(test.x, test.rows);
        }
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "row " + i);
        }
        assertFalse(Arrays.equals(a, c), "another seed bags other rows");
    }

    @Test
    void smallDataTrainsOnOneThread() {
        assertEquals(1, LightGbmTrainer.usefulThreads(2, 2016), "the demo's folds");
        assertEquals(1, LightGbmTrainer.usefulThreads(2, LightGbmTrainer.MIN_ROWS_PER_THREAD * 2 - 1));
        assertEquals(2, LightGbmTrainer.usefulThreads(2, LightGbmTrainer.MIN_ROWS_PER_THREAD * 2));
        assertEquals(2, LightGbmTrainer.usefulThreads(2, 10_000_000));
        assertEquals(1, LightGbmTrainer.usefulThreads(1, 10_000_000));
        assertEquals(1, LightGbmTrainer.usefulThreads(4, 0));
    }

    @Test
    void cancellationStopsBetweenRounds() {
        Data d = new Data(2000, 6);
        AtomicInteger asked = new AtomicInteger();
        TrialCancelledException e = assertThrows(TrialCancelledException.class, () -> LightGbmTrainer.train(d.x, d.rows, d.cols, d.y,
                params("num_boost_round", 1_000_000L), 1, 0, () -> asked.incrementAndGet() > 5));
        assertEquals(6, asked.get(), "asked once before training and once before each round");
        assertTrue(e.getMessage().contains("after 4 of 1000000 boosting rounds"), e.getMessage());

        assertThrows(TrialCancelledException.class, () -> LightGbmTrainer.train(d.x, d.rows, d.cols, d.y, params(), 1, 0, () -> true));
    }

    @Test
    void stopsEarlyWhenNothingIsLeftToSplit() {
        int n = 100;
        float[] x = new float[n];
        float[] y = new float[n];
        Arrays.fill(x, 1f); // a constant feature: no split possible
        for (int i = 0; i < n; i++) {
            y[i] = i;
        }
        try (TrainedModel m = LightGbmTrainer.train(x, n, 1, y, params(), 1, 0, null)) {
            assertTrue(m.rounds() < 100, "rounds " + m.rounds());
            assertEquals(49.5, m.predict(new float[] {1f}, 1)[0], 1e-6, "predicts the mean");
        }
    }

    @Test
    void missingTargetsAreDroppedAndFitOnNullValuesFalseDropsRowsWithMissingFeatures() {
        Data d = new Data(1000, 7);
        // every 4th row: feature 1 missing and a wild target; every 10th: target missing
        int withNaN = 0;
        int noTarget = 0;
        for (int i = 0; i < d.rows; i++) {
            if (i % 10 == 0) {
                d.y[i] = Float.NaN;
                noTarget++;
            } else if (i % 4 == 0) {
                d.x[i * d.cols + 1] = Float.NaN;
                d.y[i] = 1000f;
                withNaN++;
            }
        }
        float[] probe = {5f, Float.NaN};
        try (TrainedModel m = train(d, params(), 1, 0)) {
            assertEquals(d.rows - noTarget, m.trainingRows());
            assertEquals(noTarget, m.droppedRows());
            assertTrue(m.predict(probe, 1)[0] > 500, "learned the wild rows through the missing branch");
        }
        try (TrainedModel m = train(d, params("fit_on_null_values", false), 1, 0)) {
            assertEquals(d.rows - noTarget - withNaN, m.trainingRows());
            assertEquals(noTarget + withNaN, m.droppedRows());
            assertEquals(15, m.predict(probe, 1)[0], 1.5, "never saw the wild rows");
        }
    }

    @Test
    void aMissingFeatureColumnAmongOthersIsFine() {
        Data d = new Data(500, 8);
        for (int i = 0; i < d.rows; i++) {
            d.x[i * d.cols + 1] = Float.NaN;
        }
        try (TrainedModel m = train(d, params(), 1, 0)) {
            assertEquals(15, m.predict(new float[] {5f, 0f}, 1)[0], 1);
        }
    }

    @Test
    void nothingToLearnFromIsAModelExceptionNotACrash() {
        ModelException e = assertThrows(ModelException.class,
                () -> LightGbmTrainer.train(new float[0], 0, 3, new float[0], params(), 1, 0, null));
        assertTrue(e.getMessage().contains("no training rows"), e.getMessage());

        float[] nanX = new float[50];
        Arrays.fill(nanX, Float.NaN);
        float[] y = new float[50];
        e = assertThrows(ModelException.class, () -> LightGbmTrainer.train(nanX, 50, 1, y, params(), 1, 0, null));
        assertTrue(e.getMessage().contains("every feature is missing in all 50 training rows"), e.getMessage());

        e = assertThrows(ModelException.class,
                () -> LightGbmTrainer.train(nanX, 50, 1, y, params("fit_on_null_values", false), 1, 0, null));
        assertTrue(e.getMessage().contains("no training rows: 50 rows, 0 with a missing target, 50 with a missing feature"), e.getMessage());

        float[] nanY = new float[50];
        Arrays.fill(nanY, Float.NaN);
        e = assertThrows(ModelException.class, () -> LightGbmTrainer.train(new float[50], 50, 1, nanY, params(), 1, 0, null));
        assertTrue(e.getMessage().contains("50 with a missing target"), e.getMessage());

        float[] infY = new float[50];
        infY[7] = Float.POSITIVE_INFINITY;
        e = assertThrows(ModelException.class, () -> LightGbmTrainer.train(new float[50], 50, 1, infY, params(), 1, 0, null));
        assertTrue(e.getMessage().contains("Infinity in training row 7"), e.getMessage());
    }

    @Test
    void lightGbmsOwnErrorsBecomeModelExceptionsWithItsMessage() {
        Data d = new Data(100, 9);
        ModelException e = assertThrows(ModelException.class,
                () -> LightGbmTrainer.train(d.x, d.rows, d.cols, d.y, params(), 1, 0, null, "max_bin=1"));
        assertTrue(e.getMessage().startsWith("LightGBM: "), e.getMessage());
        assertTrue(e.getMessage().contains("max_bin"), e.getMessage());
    }

    @Test
    void parametersAreCheckedAndMappedToLightGbmNames() {
        Data d = new Data(10, 10);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> train(d, params("subsample", 0.0), 1, 0));
        assertEquals("parameters.subsample", e.where());

        Map<String, Object> p = LightGbmKind.INSTANCE.resolve(params("objective", "mean_absolute_percentage_error", "subsample", 0.8,
                "max_leaves", 63L, "min_child_weight", 5L, "colsample_bytree", 0.5, "reg_alpha", 1.5, "reg_lambda", 2L), "");
        String s = LightGbmTrainer.lightGbmParams(p, 2, 42, 5);
        for (String kv : new String[] {"objective=mape", "num_leaves=63", "min_sum_hessian_in_leaf=5.0", "bagging_fraction=0.8",
                "bagging_freq=1", "feature_fraction=0.5", "lambda_l1=1.5", "lambda_l2=2.0", "alpha=0.9", "learning_rate=0.1",
                "max_depth=-1", "min_data_in_leaf=20", "min_gain_to_split=0.0", "num_threads=2", "seed=42", "deterministic=true",
                "force_row_wise=true", "verbosity=-1", "max_bin=63"}) {
            assertTrue((" " + s + " ").contains(" " + kv + " "), kv + " in " + s);
        }
        assertTrue(LightGbmTrainer.lightGbmParams(LightGbmKind.INSTANCE.defaults(), 1, 0, 500).contains("bagging_freq=0"));
        assertTrue(LightGbmTrainer.lightGbmParams(LightGbmKind.INSTANCE.defaults(), 1, 0, 500).contains("force_col_wise=true"));
        assertEquals("regression", LightGbmTrainer.objective("mean_squared_error"));
        assertEquals("regression_l1", LightGbmTrainer.objective("mean_absolute_error"));
        assertEquals("quantile", LightGbmTrainer.objective("quantile"));
        assertTrue(LightGbmTrainer.lightGbmSeed(Long.MIN_VALUE) >= 0);
        assertTrue(LightGbmTrainer.lightGbmSeed(-1) >= 0);
    }

    @Test
    void closedModelsRefuseToPredict() {
        Data d = new Data(100, 11);
        TrainedModel m = train(d, params("num_boost_round", 5L), 1, 0);
        m.close();
        m.close(); // twice is harmless
        assertThrows(IllegalStateException.class, () -> m.predict(new float[2], 1));
    }

    /** x0 carries the signal; x1 is 0 in 95 % of the rows, so min_data_in_leaf 200 leaves it no possible split. */
    private static Data mostlyZeroFeature() {
        Data d = new Data(1000, 21);
        Random r = new Random(22);
        for (int i = 0; i < d.rows; i++) {
            d.x[i * d.cols + 1] = r.nextDouble() < 0.95 ? 0f : (float) r.nextGaussian();
        }
        return d;
    }

    private static double[] predictions(Data d, Map<String, Object> p, String extra, Data test) {
        try (TrainedModel m = LightGbmTrainer.train(d.x, d.rows, d.cols, d.y, p, 1, 9, () -> false, extra)) {
            return m.predict(test.x, test.rows);
        }
    }

    @Test
    void withoutFeatureSamplingTheDatasetNeedsNoPreFilterForMinDataInLeaf() {
        // the shared Datasets are built without LightGBM's feature_pre_filter, so that one Dataset
        // serves every min_data_in_leaf: the same trees as with it, as long as features are not sampled
        Data d = mostlyZeroFeature();
        Data test = new Data(200, 23);
        for (long minData : new long[]{1, 20, 200, 400}) {
            Map<String, Object> p = params("min_data_in_leaf", minData, "num_boost_round", 30L);
            double[] ours = predictions(d, p, "", test);
            double[] preFiltered = predictions(d, p, "feature_pre_filter=true", test);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(Double.doubleToRawLongBits(preFiltered[i]), Double.doubleToRawLongBits(ours[i]), "min_data_in_leaf " + minData + ", row " + i);
            }
        }
        // with feature sampling the pre-filter changes the trees, which is why it is kept there
        Map<String, Object> sampled = params("min_data_in_leaf", 200L, "num_boost_round", 30L, "colsample_bytree", 0.5);
        assertArrayEquals(predictions(d, sampled, "feature_pre_filter=true", test), predictions(d, sampled, "", test));
        assertFalse(Arrays.equals(predictions(d, sampled, "feature_pre_filter=false", test), predictions(d, sampled, "", test)));
    }

    @Test
    void sharedTrainingDataGivesTheModelOfItsMatrixAloneAndOutlivesItsClose() {
        Data d = new Data(500, 31);
        Data test = new Data(50, 32);
        Map<String, Object> p = params("num_boost_round", 20L);
        double[] alone;
        try (TrainedModel m = train(d, p, 1, 3)) {
            alone = m.predict(test.x, test.rows);
        }
        TrainingData shared = new TrainingData(d.x, d.rows, d.cols, d.y);
        try (TrainedModel first = LightGbmTrainer.train(shared, p, 1, 3, () -> false);
             TrainedModel second = LightGbmTrainer.train(shared, params("num_boost_round", 20L, "min_data_in_leaf", 50L), 1, 3, () -> false)) {
            assertEquals(1, shared.datasetsBuilt(), "min_data_in_leaf does not need a Dataset of its own");
            assertArrayEquals(alone, first.predict(test.x, test.rows));
            shared.close();
            // the models still hold the Dataset: it is freed with the last of them
            assertArrayEquals(alone, first.predict(test.x, test.rows));
            assertEquals(test.rows, second.predict(test.x, test.rows).length);
        }
        assertThrows(IllegalStateException.class, () -> LightGbmTrainer.train(shared, p, 1, 3, () -> false));
    }
}
