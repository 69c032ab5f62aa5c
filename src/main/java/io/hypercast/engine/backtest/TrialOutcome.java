package io.hypercast.engine.backtest;

import io.hypercast.model.FoldResult;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import java.util.List;

/** What one backtest with one set of hyperparameters produced. {@code metrics} is null with no known target. */
public record TrialOutcome(Metrics metrics, List<FoldResult> folds, List<Prediction> predictions, long skippedNullRows) {
}
