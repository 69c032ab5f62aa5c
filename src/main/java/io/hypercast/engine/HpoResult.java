package io.hypercast.engine;

import io.hypercast.model.Experiment;
import io.hypercast.model.Trial;
import java.util.List;
import java.util.Map;

/**
 * The result of an HPO or a backtest: every trial, the best one (null when none completed), the
 * optimized parameter names (from the search space) and the model's other, non-optimized
 * hyperparameters with the values every trial used.
 */
public record HpoResult(Experiment experiment, List<Trial> trials, Trial bestTrial, List<String> optimized,
                        Map<String, Object> nonOptimized) {

    public int completed() {
        return (int) trials.stream().filter(t -> t.state() == io.hypercast.model.TrialState.COMPLETED).count();
    }
}
