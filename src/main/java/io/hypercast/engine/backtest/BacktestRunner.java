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
import java.util.function.BooleanSupplier;

/**
 * Runs one backtest of a prepared NoTS with resolved hyperparameters: fit each fold, predict its
 * rows, score. Stateless; safe to call from several trial threads at once.
 */
public final class BacktestRunner {
    private BacktestRunner() {
    }

    public static TrialOutcome run(PreparedBacktest prepared, Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
        boolean predictOnNull = !Boolean.FALSE.equals(params.get("predict_on_null_values"));
        MetricsCalculator total = new MetricsCalculator();
        List<FoldResult> folds = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        long skipped = 0;
        for (int f = 0; f < prepared.folds().size(); f++) {
            FoldMatrix fold = prepared.folds().get(f);
            if (cancelled.getAsBoolean()) {
                throw new TrialCancelledException("cancelled between folds");
            }
            if (fold.predRows() == 0) {
                folds.add(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), 0, 0, 0, null));
                continue;
            }
            int[] rows = selectRows(fold, predictOnNull);
            if (rows.length == 0) {
                skipped += fold.predRows();
                folds.add(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), 0, 0, fold.predRows(), null));
                continue;
            }
            long t0 = System.nanoTime();
            double[] predicted;
            try (TrainedModel model = LightGbmTrainer.train(prepared.training(f), params, threads, seed + fold.index(), cancelled)) {
                predicted = model.predict(gather(fold, rows), rows.length);
            }
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            MetricsCalculator fm = new MetricsCalculator();
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
            skipped += skippedHere;
            total.addAll(fm);
            folds.add(new FoldResult(fold.index(), fold.fitTime(), fold.trainRows(), fitSeconds, rows.length, skippedHere, fm.result()));
        }
        return new TrialOutcome(total.result(), List.copyOf(folds), predictions, skipped);
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
