package io.hypercast.engine.backtest;

import io.hypercast.engine.models.LightGbmTrainer;
import io.hypercast.engine.models.TrainedModel;
import io.hypercast.model.AbsoluteTiming;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Forecast;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a deployed model does: fit at f on the fit policy's window, and forecast at r on the run
 * policy's horizon, with the very feature builder of the backtests, so forecasts obey the same
 * leakage-free rule (a fit at f sees data known at f; a forecast at r sees data known at r).
 */
public final class ForecastRunner {
    private ForecastRunner() {
    }

    /** The rows a fit at {@code fit} trains on (0 when the window holds no known target). */
    public static int fitRows(ModelInputs inputs, Policy fitPolicy, Policy runPolicy, Instant fit) {
        return matrix(inputs, fitPolicy, runPolicy, fit, fit).trainRows();
    }

    /** Fits at {@code fit} and forecasts at {@code reference} (fit &lt;= reference). */
    public static Forecast forecast(UUID deploymentId, UUID modelId, ModelInputs inputs, Policy fitPolicy, Policy runPolicy,
                                    Instant fit, Instant reference, Map<String, Object> params, long seed) {
        FoldMatrix m = matrix(inputs, fitPolicy, runPolicy, fit, reference);
        if (m.trainRows() == 0) {
            throw new InvalidInputException("model fit policy", "the fit at " + fit + " has no training row: no known target in its window");
        }
        requireObservedFeatures(inputs, m, reference);
        boolean predictOnNull = !Boolean.FALSE.equals(params.get("predict_on_null_values"));
        List<Forecast.Point> points = new ArrayList<>();
        try (TrainedModel model = LightGbmTrainer.train(m.trainX(), m.trainRows(), m.cols(), m.trainY(), params, 1, seed, () -> false)) {
            double[] predicted = model.predict(m.predX(), m.predRows());
            for (int i = 0; i < m.predRows(); i++) {
                if (predictOnNull || !m.predHasNull()[i]) {
                    points.add(new Forecast.Point(Instant.ofEpochSecond(m.predTime()[i]), predicted[i]));
                }
            }
        }
        return new Forecast(0, deploymentId, modelId, reference, fit, List.copyOf(points));
    }

    /**
     * Refuses a forecast whose observed features (lags and other series that are not known in
     * advance) are all unknown at the reference time: the data stops before it, and the model would
     * answer from calendar features alone without a word.
     */
    private static void requireObservedFeatures(ModelInputs inputs, FoldMatrix m, Instant reference) {
        boolean anyObserved = false;
        for (int j = 0; j < inputs.features().size(); j++) {
            io.hypercast.engine.data.Series s = inputs.features().get(j);
            boolean observed = s.size() > 0 && s.knownFrom(0) != io.hypercast.engine.data.Series.ALWAYS;
            if (!observed) {
                continue;
            }
            anyObserved = true;
            for (int i = 0; i < m.predRows(); i++) {
                if (!Float.isNaN(m.predX()[i * m.cols() + j])) {
                    return;
                }
            }
        }
        if (anyObserved) {
            io.hypercast.engine.data.Series target = inputs.target();
            throw new InvalidInputException("data", "no observation known at " + reference + " reaches the model's features: the data of '"
                    + inputs.targetName() + "' ends at " + Instant.ofEpochSecond(target.end()) + "; append newer rows (source append)");
        }
    }

    private static FoldMatrix matrix(ModelInputs inputs, Policy fitPolicy, Policy runPolicy, Instant fit, Instant reference) {
        if (reference.isBefore(fit)) {
            throw new IllegalArgumentException("a forecast at " + reference + " cannot use a fit from the future (" + fit + ")");
        }
        BacktestSpec spec = new BacktestSpec("deployment", "", modelId(fitPolicy), fit, reference.plusSeconds(1), fitPolicy.startTiming(),
                fitPolicy.endTiming(), new AbsoluteTiming(fit), runPolicy.startTiming(), runPolicy.endTiming(), runPolicy.schedule());
        return new FeatureBuilder(spec, inputs).build(new FoldPlan.Fold(0, fit, List.of(reference)));
    }

    private static String modelId(Policy p) {
        return p.modelId().toString();
    }
}
