package io.hypercast.engine.hpo;

import io.hypercast.engine.backtest.TrialOutcome;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial: a backtest with these resolved hyperparameters. The real one is the backtest
 * runner over the run's prepared folds; tests give fakes. Must poll {@code cancelled} in its loops
 * and throw TrialCancelledException when it turns true.
 */
@FunctionalInterface
public interface TrialEvaluator {
    TrialOutcome evaluate(Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled);
}
