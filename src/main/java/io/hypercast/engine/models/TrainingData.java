package io.hypercast.engine.models;

import io.github.metarank.lightgbm4j.LGBMDataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One fold's training matrix, with the LightGBM Datasets built from it kept for every trial of a run
 * that trains on it: binning the features (LGBM_DatasetCreateFromMat) is then done once per run, not
 * once per trial and fold.
 *
 * <p>A Dataset depends on the trial's parameters only through the keys of {@link Key}: which rows are
 * kept (fit_on_null_values), the pre-filter of features that min_data_in_leaf makes unsplittable (used
 * only when features are sampled, see {@link LightGbmTrainer}) and, above LightGBM's bin sample count,
 * the seed of that sample. Trials that agree on them share one Dataset: LightGBM's boosters only read
 * their training Dataset, so concurrent trials may train on the same one (a test compares that with
 * sequential trials bit for bit).
 *
 * <p>Owns native memory: {@link #close()} it when the run ends. A Dataset still used by a model is
 * freed when that model is closed.
 *
 * <p>Thread-safe.
 */
public final class TrainingData implements AutoCloseable {
    private final float[] x;
    private final int rows;
    private final int cols;
    private final float[] y;
    private final Map<Key, Shared> datasets = new HashMap<>();
    private boolean closed;

    /** The Dataset's identity apart from the matrix: see the class comment. */
    record Key(boolean fitOnNull, int preFilterMinDataInLeaf, int sampleSeed) {
    }

    /** A built Dataset with the rows it holds, and how many models still train on or predict with it. */
    static final class Shared {
        final LGBMDataset dataset;
        final int kept;
        final int dropped;
        private int users;
        private boolean retired;

        Shared(LGBMDataset dataset, int kept, int dropped) {
            this.dataset = dataset;
            this.kept = kept;
            this.dropped = dropped;
        }
    }

    /**
     * @param x    {@code rows * cols} features, row-major; NaN means missing. Not copied: must not change afterwards.
     * @param y    {@code rows} targets; NaN rows are dropped at training
     */
    /** The features are rows x cols and there is one target per row. */
    static void checkMatrix(float[] x, int rows, int cols, float[] y) {
        if (rows < 0 || cols < 1 || x == null || y == null || (long) rows * cols != x.length || y.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols + " features and " + rows + " targets, got "
                    + (x == null ? "null" : x.length) + " features and " + (y == null ? "null" : y.length) + " targets");
        }
    }

    public TrainingData(float[] x, int rows, int cols, float[] y) {
        checkMatrix(x, rows, cols, y);
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.y = y;
    }

    float[] x() {
        return x;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    float[] y() {
        return y;
    }

    /**
     * The Dataset for {@code key}, built by {@code build} on first use (under this object's lock, so a
     * second trial on the same fold waits for the first one's build instead of repeating it). A
     * failing build caches nothing. Pair with {@link #release(Shared)}.
     */
    synchronized Shared acquire(Key key, Supplier<Shared> build) {
        if (closed) {
            throw new IllegalStateException("the run's training data is closed");
        }
        Shared s = datasets.get(key);
        if (s == null) {
            s = build.get();
            datasets.put(key, s);
        }
        s.users++;
        return s;
    }

    synchronized void release(Shared s) {
        s.users--;
        if (s.retired && s.users == 0) {
            LightGbmTrainer.closeQuietly(s.dataset);
        }
    }

    /** How many Datasets are kept: one per distinct {@link Key} the trials so far asked for. */
    public synchronized int datasetsBuilt() {
        return datasets.size();
    }

    /** Frees the Datasets no model uses; the others go when their last model is closed. Later trials are refused. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Shared> all = new ArrayList<>(datasets.values());
        datasets.clear();
        for (Shared s : all) {
            s.retired = true;
            if (s.users == 0) {
                LightGbmTrainer.closeQuietly(s.dataset);
            }
        }
    }
}
