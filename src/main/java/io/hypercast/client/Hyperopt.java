package io.hypercast.client;

import io.hypercast.model.Metric;

/** TPE as in hyperopt (SPEC defaults: 10 trials, 1 at a time, 20 startup jobs, rmse, seed 0). */
public record Hyperopt(int numTrials, int maxConcurrentTrials, int nStartupJobs, String metric, long seed) implements SearchAlgorithm {
    public Hyperopt() {
        this(10, 1);
    }

    public Hyperopt(int numTrials, int maxConcurrentTrials) {
        this(numTrials, maxConcurrentTrials, 20, "rmse", 0);
    }

    @Override
    public io.hypercast.model.SearchAlgorithm toModel() {
        return new io.hypercast.model.Hyperopt(numTrials, maxConcurrentTrials, nStartupJobs, Metric.parse(metric), seed);
    }
}
