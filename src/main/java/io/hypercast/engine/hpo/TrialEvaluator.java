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

    /**
     * The trial as work that idle workers may help with (the backtest's folds); by default one piece
     * that the trial's own thread does alone.
     */
    default Work start(Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
        return new Work() {
            @Override
            public TrialOutcome run() {
                return evaluate(params, threads, seed, cancelled);
            }

            @Override
            public boolean help() {
                return false;
            }
        };
    }

    /** A started trial. */
    interface Work {
        /** Does the trial's work on the calling thread (with helpers, if any) and returns its outcome. */
        TrialOutcome run();

        /** Does one piece of the trial's work that nobody has started, on the calling thread; false when none is left. */
        boolean help();
    }
}
