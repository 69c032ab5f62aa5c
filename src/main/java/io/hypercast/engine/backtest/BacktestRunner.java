package io.hypercast.engine.backtest;

import io.hypercast.engine.models.LightGbmTrainer;
import io.hypercast.engine.models.TrainedModel;
import io.hypercast.engine.models.TrialCancelledException;
import io.hypercast.model.FoldResult;
import io.hypercast.model.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs one backtest of a prepared NoTS with resolved hyperparameters: fit each fold, predict its
 * rows, score. Stateless; safe to call from several trial threads at once.
 */
public final class BacktestRunner {
    private BacktestRunner() {
    }

    public static TrialOutcome run(PreparedBacktest prepared, Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
        return start(prepared, params, threads, seed, cancelled).run();
    }

    /** The trial as a {@link Work} that other threads may help with; nothing runs until {@link Work#run()}. */
    public static Work start(PreparedBacktest prepared, Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
        return new Work(prepared, params, threads, seed, cancelled);
    }

    /**
     * One trial's folds, each a piece of work on its own: the trial's thread trains them in order
     * ({@link #run()}), and an idle thread may take a fold it has not reached yet ({@link #help()}),
     * as at the end of an HPO, when the last trials run alone. Each fold's model depends on nothing
     * but its own data, parameters, seed and LightGBM thread count, so the outcome is the same bit for
     * bit whoever trains which fold; folds are put together in order.
     *
     * <p>Thread-safe.
     */
    public static final class Work {
        private final PreparedBacktest prepared;
        private final Map<String, Object> params;
        private final int threads;
        private final long seed;
        private final BooleanSupplier cancelled;
        private final boolean predictOnNull;
        private final int n;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch ended;
        private final FoldDone[] done;
        private final RuntimeException[] errors;
        private volatile boolean failed;

        private record FoldDone(FoldResult result, List<Prediction> predictions, MetricsCalculator metrics, long skipped) {
        }

        private Work(PreparedBacktest prepared, Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
            this.prepared = prepared;
            this.params = params;
            this.threads = threads;
            this.seed = seed;
            this.cancelled = cancelled;
            this.predictOnNull = !Boolean.FALSE.equals(params.get("predict_on_null_values"));
            this.n = prepared.folds().size();
            this.ended = new CountDownLatch(n);
            this.done = new FoldDone[n];
            this.errors = new RuntimeException[n];
        }

        /** Trains one fold that nobody has started yet, on the calling thread; false when none is left. */
        public boolean help() {
            int i = next.getAndIncrement();
            if (i >= n) {
                return false;
            }
            fold(i);
            return true;
        }

        /**
         * Trains the folds nobody has taken, waits for those that helpers train, and returns the
         * trial's outcome; a failing fold's exception (the first fold's, in fold order) is thrown.
         */
        public TrialOutcome run() {
            while (help()) {
                // the next fold
            }
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a helper's fold ends between boosting rounds at the latest
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            for (RuntimeException e : errors) {
                if (e != null) {
                    throw e;
                }
            }
            MetricsCalculator total = new MetricsCalculator();
            List<FoldResult> folds = new ArrayList<>();
            List<Prediction> predictions = new ArrayList<>();
            long skipped = 0;
            for (FoldDone d : done) {
                folds.add(d.result());
                predictions.addAll(d.predictions());
                if (d.metrics() != null) {
                    total.addAll(d.metrics());
                }
                skipped += d.skipped();
            }
            return new TrialOutcome(total.result(), List.copyOf(folds), predictions, skipped);
        }

        private void fold(int f) {
            try {
                if (failed) {
                    return; // an earlier fold failed: the trial fails with it, as if run in order
                }
                done[f] = train(f);
            } catch (RuntimeException e) {
                errors[f] = e;
                failed = true;
            } finally {
                ended.countDown();
            }
        }

        private FoldDone train(int f) {
            FoldMatrix fold = prepared.folds().get(f);
            if (cancelled.getAsBoolean()) {
                throw new TrialCancelledException("cancelled between folds");
            }
            if (fold.predRows() == 0) {
                return new FoldDone(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), 0, 0, 0, null), List.of(), null, 0);
            }
            int[] rows = selectRows(fold, predictOnNull);
            if (rows.length == 0) {
                return new FoldDone(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), 0, 0, fold.predRows(), null), List.of(), null,
                        fold.predRows());
            }
            long t0 = System.nanoTime();
            double[] predicted;
            try (TrainedModel model = LightGbmTrainer.train(prepared.training(f), params, threads, seed + fold.index(), cancelled)) {
                predicted = model.predict(gather(fold, rows), rows.length);
            }
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            MetricsCalculator fm = new MetricsCalculator();
            List<Prediction> predictions = new ArrayList<>(rows.length);
            for (int k = 0; k < rows.length; k++) {
                int i = rows[k];
                double a = fold.actual()[i];
                Double actual = Double.isNaN(a) ? null : a;
                predictions.add(new Prediction(Instant.ofEpochSecond(fold.predTime()[i]), Instant.ofEpochSecond(fold.predRef()[i]), actual, predicted[k]));
                if (actual != null) {
                    fm.add(a, predicted[k]);
                }
            }
            int skippedHere = fold.predRows() - rows.length;
            return new FoldDone(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), fitSeconds, rows.length, skippedHere, fm.result()),
                    predictions, fm, skippedHere);
        }
    }

    private static int[] selectRows(FoldMatrix fold, boolean predictOnNull) {
        int[] rows = new int[fold.predRows()];
        int n = 0;
        for (int i = 0; i < fold.predRows(); i++) {
            if (predictOnNull || !fold.predHasNull()[i]) {
                rows[n++] = i;
            }
        }
        return Arrays.copyOf(rows, n);
    }

    private static float[] gather(FoldMatrix fold, int[] rows) {
        if (rows.length == fold.predRows()) {
            return fold.predX();
        }
        int cols = fold.cols();
        float[] out = new float[rows.length * cols];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(fold.predX(), rows[k] * cols, out, k * cols, cols);
        }
        return out;
    }
}
