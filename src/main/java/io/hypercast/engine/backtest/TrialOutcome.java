package io.hypercast.engine.backtest;

import io.hypercast.model.FoldResult;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import java.util.List;

/**
 * What one backtest with one set of hyperparameters produced. {@code metrics} is null with no known
 * target. {@code worker} names the cluster member that ran it (host:port), null when it ran in this
 * process.
 */
public record TrialOutcome(Metrics metrics, List<FoldResult> folds, List<Prediction> predictions, long skippedNullRows, String worker) {

    /** An outcome computed in this process. */
    public TrialOutcome(Metrics metrics, List<FoldResult> folds, List<Prediction> predictions, long skippedNullRows) {
        this(metrics, folds, predictions, skippedNullRows, null);
    }

    public TrialOutcome ranOn(String member) {
        return new TrialOutcome(metrics, folds, predictions, skippedNullRows, member);
    }
}
