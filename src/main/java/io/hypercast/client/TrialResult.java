package io.hypercast.client;

import io.hypercast.engine.HpoResult;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One trial: its parameters (optimized and not), metrics, state and predictions. */
public final class TrialResult {
    private final HpoResult result;
    private final Trial trial;

    TrialResult(HpoResult result, Trial trial) {
        this.result = result;
        this.trial = trial;
    }

    public int number() {
        return trial.number();
    }

    public TrialState state() {
        return trial.state();
    }

    /** Every hyperparameter the trial used: the optimized ones, then the model's others. */
    public Map<String, Object> parameters() {
        Map<String, Object> all = new LinkedHashMap<>(trial.parameters());
        result.nonOptimized().forEach(all::putIfAbsent);
        return all;
    }

    public Map<String, Object> optimizedParameters() {
        return trial.parameters();
    }

    public Map<String, Object> nonOptimizedParameters() {
        return result.nonOptimized();
    }

    /** mae, mape (percent; null when every actual is zero), mse, rmse; null unless COMPLETED. */
    public Metrics metrics() {
        return trial.metrics();
    }

    public String error() {
        return trial.error();
    }

    public List<Prediction> predictions() {
        return Hypercast.engine().experiments().predictions(result.experiment().id(), trial.number());
    }
}
