package io.hypercast.engine.models;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import com.microsoft.ml.lightgbm.PredictionType;

/**
 * A fitted LightGBM model. It owns native memory: close it (try-with-resources) when the fold is
 * done. Prediction is serialized per model, so one model may be shared between threads.
 */
public final class TrainedModel implements AutoCloseable {
    private LGBMBooster booster;
    // frees (or hands back, when it is shared) the training Dataset: LightGBM's booster points into
    // it, so it is kept alive as long as the booster
    private Runnable releaseData;
    private final int columns;
    private final String predictParams;
    private final int rounds;
    private final int trainingRows;
    private final int droppedRows;

    TrainedModel(LGBMBooster booster, Runnable releaseData, int columns, int threads, int rounds, int trainingRows, int droppedRows) {
        this.booster = booster;
        this.releaseData = releaseData;
        this.columns = columns;
        this.predictParams = "num_threads=" + threads;
        this.rounds = rounds;
        this.trainingRows = trainingRows;
        this.droppedRows = droppedRows;
    }

    /**
     * Predictions for {@code rows} rows of {@code columns()} features each, row-major; NaN is a
     * missing value, which LightGBM routes down each tree's learned default branch.
     */
    public synchronized double[] predict(float[] x, int rows) {
        if (booster == null) {
            throw new IllegalStateException("the model is closed");
        }
        if (rows < 0 || x == null || (long) rows * columns != x.length) {
            throw new IllegalArgumentException("expected " + rows + " rows x " + columns + " columns = " + ((long) rows * columns)
                    + " values, got " + (x == null ? "null" : x.length));
        }
        if (rows == 0) {
            return new double[0];
        }
        try {
            return booster.predictForMat(x, rows, columns, true, PredictionType.C_API_PREDICT_NORMAL, predictParams);
        } catch (LGBMException e) {
            throw new ModelException("LightGBM could not predict: " + e.getMessage(), e);
        }
    }

    /** The number of feature columns the model was trained on. */
    public int columns() {
        return columns;
    }

    /** Boosting rounds actually run: fewer than num_boost_round when LightGBM found nothing left to split. */
    public int rounds() {
        return rounds;
    }

    /** Rows trained on, after dropping rows with a missing target (and, with fit_on_null_values=false, a missing feature). */
    public int trainingRows() {
        return trainingRows;
    }

    /** Rows dropped before training. */
    public int droppedRows() {
        return droppedRows;
    }

    @Override
    public synchronized void close() {
        LGBMBooster b = booster;
        Runnable r = releaseData;
        booster = null;
        releaseData = null;
        LightGbmTrainer.closeQuietly(b);
        if (r != null) {
            r.run();
        }
    }
}
