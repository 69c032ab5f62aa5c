package io.hypercast.engine.models;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;

import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Fits a LightGBM regression model on a dense feature matrix.
 *
 * <p>Our hyperparameter names are mapped to LightGBM's (max_leaves -> num_leaves, subsample ->
 * bagging_fraction, ...). Training runs one boosting round at a time so that a cancelled trial
 * stops between rounds. Runs are reproducible: the same data, parameters, seed and thread count
 * give bit-identical models ({@code deterministic=true} with a fixed histogram layout).
 */
public final class LightGbmTrainer {
    /** Above this many columns LightGBM's column-wise histograms are the faster layout. */
    private static final int COL_WISE_FROM = 100;
    /**
     * Each LightGBM thread gets at least this many training rows. Below, OpenMP's synchronisation
     * (dozens of parallel regions per tree, each ending in a barrier) costs more than the second
     * thread saves: the demo's folds (2,016 rows) trained 2.7x slower with 2 threads than with 1 on a
     * busy 2-core machine, and random data of 10,000 to 30,000 rows gained at most 1.3x.
     */
    static final int MIN_ROWS_PER_THREAD = 20_000;
    /**
     * Histogram bins per feature (LightGBM's default is 255). 63 is LightGBM's own advice for speed;
     * here it also searched better: the demo HPO's best RMSE after 30 trials was lower on each of
     * seeds 0-9 (median 597.5 against 608.5 MW), the best of 30 random trials on a synthetic series
     * too, and the fixed benchmark trial took 0.79x the time (split finding scans fewer bins).
     */
    static final int MAX_BIN = 63;
    /**
     * LightGBM bins features from a sample of this many rows (bin_construct_sample_cnt) drawn with the
     * seed; smaller data is binned from all its rows, whatever the seed.
     */
    static final int BIN_SAMPLE_ROWS = 200_000;

    private LightGbmTrainer() {
    }

    /**
     * Trains a model.
     *
     * @param x              {@code rows * cols} features, row-major; NaN means missing
     * @param y              {@code rows} targets; rows whose target is NaN are dropped
     * @param resolvedParams hyperparameters by our names (missing ones take their defaults; they are
     *                       checked again here, so an unchecked map fails as InvalidInputException)
     * @param threads        LightGBM threads at most, at least 1 (fewer are used on small data: {@link #usefulThreads})
     * @param seed           the trial's seed; all of LightGBM's random choices derive from it
     * @param cancelled      asked before every boosting round; true stops training
     * @throws ModelException          when LightGBM refuses the data or parameters, or no row is left to train on
     * @throws TrialCancelledException when {@code cancelled} said so
     */
    public static TrainedModel train(float[] x, int rows, int cols, float[] y, Map<String, Object> resolvedParams, int threads,
                                     long seed, BooleanSupplier cancelled) {
        return train(x, rows, cols, y, resolvedParams, threads, seed, cancelled, "");
    }

    /**
     * As above, on training data whose LightGBM Dataset is built once and shared with the other trials
     * that train on it (see {@link TrainingData}): the same model as training on its matrix alone.
     */
    public static TrainedModel train(TrainingData data, Map<String, Object> resolvedParams, int threads, long seed, BooleanSupplier cancelled) {
        return train(data, data.x(), data.rows(), data.cols(), data.y(), resolvedParams, threads, seed, cancelled, "");
    }

    /** As above, with raw LightGBM parameters that override ours: only for tests that need LightGBM itself to refuse something. */
    static TrainedModel train(float[] x, int rows, int cols, float[] y, Map<String, Object> resolvedParams, int threads,
                              long seed, BooleanSupplier cancelled, String extraParams) {
        TrainingData.checkMatrix(x, rows, cols, y);
        return train(null, x, rows, cols, y, resolvedParams, threads, seed, cancelled, extraParams);
    }

    private static TrainedModel train(TrainingData shared, float[] x, int rows, int cols, float[] y, Map<String, Object> resolvedParams,
                                      int threads, long seed, BooleanSupplier cancelled, String extraParams) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        Map<String, Object> p = LightGbmKind.INSTANCE.resolve(resolvedParams, "parameters");
        boolean fitOnNull = (Boolean) p.get("fit_on_null_values");
        // LightGBM drops features that min_data_in_leaf leaves without a possible split when it bins
        // them (feature_pre_filter). Such a feature is never split anyway, so a Dataset built without
        // the pre-filter serves every min_data_in_leaf with the same trees, except when features are
        // sampled (colsample_bytree < 1): the sample is then drawn from a different feature list, so
        // there the pre-filter stays and min_data_in_leaf is part of the Dataset's key.
        boolean preFilter = num(p, "colsample_bytree") < 1;
        int lgbSeed = lightGbmSeed(seed);
        TrainingData.Key key = new TrainingData.Key(fitOnNull, preFilter ? ((Long) p.get("min_data_in_leaf")).intValue() : -1,
                rows > BIN_SAMPLE_ROWS ? lgbSeed : -1);
        String datasetParams = preFilter ? "" : "feature_pre_filter=false ";
        // LightGBM keeps the first of repeated keys: extra parameters go first so that they win
        String first = (extraParams.isEmpty() ? "" : extraParams + " ") + datasetParams;
        Supplier<TrainingData.Shared> build = () -> build(x, rows, cols, y, fitOnNull,
                first + lightGbmParams(p, usefulThreads(threads, rows), seed, cols));
        TrainingData.Shared data = shared == null ? build.get() : shared.acquire(key, build);
        Runnable release = shared == null ? () -> closeQuietly(data.dataset) : () -> shared.release(data);
        LGBMBooster booster = null;
        try {
            if (stop.getAsBoolean()) {
                throw new TrialCancelledException("cancelled before training");
            }
            int used = usefulThreads(threads, data.kept);
            String params = first + lightGbmParams(p, used, seed, cols);
            int rounds = ((Long) p.get("num_boost_round")).intValue();
            booster = LGBMBooster.create(data.dataset, params);
            int done = 0;
            while (done < rounds) {
                if (stop.getAsBoolean()) {
                    throw new TrialCancelledException("cancelled after " + done + " of " + rounds + " boosting rounds");
                }
                boolean finished = booster.updateOneIter();
                done++;
                if (finished) {
                    break; // no leaf could be split further: more rounds would add nothing
                }
            }
            TrainedModel model = new TrainedModel(booster, release, cols, used, done, data.kept, data.dropped);
            booster = null;
            release = null;
            return model;
        } catch (io.github.metarank.lightgbm4j.LGBMException e) {
            throw new ModelException("LightGBM: " + e.getMessage(), e);
        } finally {
            closeQuietly(booster);
            if (release != null) {
                release.run();
            }
        }
    }

    /** Keeps the rows to train on and bins them into a LightGBM Dataset with their targets. */
    private static TrainingData.Shared build(float[] x, int rows, int cols, float[] y, boolean fitOnNull, String params) {
        // Keep rows with a known target, and (fit_on_null_values=false) no missing feature.
        boolean[] keep = new boolean[rows];
        int kept = 0;
        int missingTarget = 0;
        int missingFeature = 0;
        for (int r = 0; r < rows; r++) {
            if (Float.isNaN(y[r])) {
                missingTarget++;
                continue;
            }
            if (Float.isInfinite(y[r])) {
                // LightGBM would accept it and fit a model predicting around 1e31: refuse instead
                throw new ModelException("the target is " + y[r] + " in training row " + r + "; targets must be finite numbers");
            }
            if (!fitOnNull && anyNaN(x, r * cols, cols)) {
                missingFeature++;
                continue;
            }
            keep[r] = true;
            kept++;
        }
        if (kept == 0) {
            // LightGBM cannot build an empty dataset; say why there is none rather than pass it on
            throw new ModelException("no training rows: " + (rows == 0 ? "the training window holds no data"
                    : rows + " rows, " + missingTarget + " with a missing target"
                    + (fitOnNull ? "" : ", " + missingFeature + " with a missing feature (fit_on_null_values is false)")));
        }
        float[] xs = x;
        float[] ys = y;
        if (kept < rows) {
            xs = new float[kept * cols];
            ys = new float[kept];
            int k = 0;
            for (int r = 0; r < rows; r++) {
                if (keep[r]) {
                    System.arraycopy(x, r * cols, xs, k * cols, cols);
                    ys[k++] = y[r];
                }
            }
        }
        if (allFeaturesMissing(xs, kept, cols)) {
            // LightGBM would only warn and fit a constant; a trial whose model saw no feature value
            // at all should fail and say so
            throw new ModelException("every feature is missing in all " + kept + " training rows, so there is nothing to learn from");
        }
        NativeLightGbm.ensureLoaded();
        LGBMDataset dataset = null;
        try {
            dataset = LGBMDataset.createFromMat(xs, kept, cols, true, params, null);
            dataset.setField("label", ys);
            TrainingData.Shared s = new TrainingData.Shared(dataset, kept, rows - kept);
            dataset = null;
            return s;
        } catch (io.github.metarank.lightgbm4j.LGBMException e) {
            throw new ModelException("LightGBM: " + e.getMessage(), e);
        } finally {
            closeQuietly(dataset);
        }
    }

    /** The threads worth using for {@code rows} training rows: at most {@code threads}, each with {@link #MIN_ROWS_PER_THREAD} rows. */
    static int usefulThreads(int threads, int rows) {
        return Math.max(1, Math.min(threads, rows / MIN_ROWS_PER_THREAD));
    }

    /**
     * LightGBM's parameter string for our resolved parameters. Doubles are written with
     * Double.toString, which reads back exactly, so the same inputs give the same model.
     */
    static String lightGbmParams(Map<String, Object> p, int threads, long seed, int cols) {
        double subsample = num(p, "subsample");
        StringJoiner s = new StringJoiner(" ");
        s.add("objective=" + objective((String) p.get("objective")));
        s.add("boosting=gbdt");
        s.add("num_iterations=" + p.get("num_boost_round"));
        s.add("learning_rate=" + num(p, "learning_rate"));
        s.add("max_depth=" + p.get("max_depth"));
        s.add("num_leaves=" + p.get("max_leaves"));
        s.add("min_data_in_leaf=" + p.get("min_data_in_leaf"));
        s.add("min_sum_hessian_in_leaf=" + num(p, "min_child_weight"));
        s.add("min_gain_to_split=" + num(p, "min_gain_to_split"));
        s.add("bagging_fraction=" + subsample);
        // LightGBM bags only when bagging_freq > 0; resample every round, as subsample means elsewhere
        s.add("bagging_freq=" + (subsample < 1 ? 1 : 0));
        s.add("feature_fraction=" + num(p, "colsample_bytree"));
        s.add("lambda_l1=" + num(p, "reg_alpha"));
        s.add("lambda_l2=" + num(p, "reg_lambda"));
        s.add("alpha=" + num(p, "alpha"));
        s.add("use_missing=true");
        s.add("max_bin=" + MAX_BIN);
        s.add("num_threads=" + threads);
        s.add("seed=" + lightGbmSeed(seed));
        s.add("deterministic=true");
        // deterministic needs a fixed histogram layout, not one LightGBM picks by timing both
        s.add(cols >= COL_WISE_FROM ? "force_col_wise=true" : "force_row_wise=true");
        s.add("verbosity=-1");
        return s.toString();
    }

    static String objective(String ours) {
        return switch (ours) {
            case "mean_squared_error" -> "regression";
            case "mean_absolute_error" -> "regression_l1";
            case "mean_absolute_percentage_error" -> "mape";
            case "quantile" -> "quantile";
            default -> throw new IllegalArgumentException("unknown objective " + ours);
        };
    }

    /** LightGBM's seed is a non-negative 32-bit int: fold the trial's long seed into one, the same way every time. */
    static int lightGbmSeed(long seed) {
        return (int) ((seed ^ (seed >>> 32)) & 0x7fffffffL);
    }

    private static double num(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).doubleValue();
    }

    private static boolean anyNaN(float[] x, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Float.isNaN(x[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean allFeaturesMissing(float[] x, int rows, int cols) {
        for (int i = 0; i < rows * cols; i++) {
            if (!Float.isNaN(x[i])) {
                return false;
            }
        }
        return true;
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // freeing native memory failed: nothing useful to do, and the caller's own error matters more
        }
    }
}
