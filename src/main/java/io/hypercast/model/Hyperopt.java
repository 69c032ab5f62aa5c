package io.hypercast.model;

import java.util.Objects;

/** TPE as in hyperopt: random until {@code nStartupJobs} trials exist, then Parzen estimators. */
public record Hyperopt(int numTrials, int maxConcurrentTrials, int nStartupJobs, Metric metric, long seed)
        implements SearchAlgorithm {
    public Hyperopt {
        SearchAlgorithm.checkCounts(numTrials, maxConcurrentTrials);
        if (nStartupJobs < 0) {
            throw new InvalidInputException("n_startup_jobs", "must be 0 or more, got " + nStartupJobs);
        }
        Objects.requireNonNull(metric, "metric");
    }

    /** SPEC defaults: 10 trials, 1 at a time, 20 startup jobs, rmse. */
    public Hyperopt(int numTrials, int maxConcurrentTrials) {
        this(numTrials, maxConcurrentTrials, 20, Metric.RMSE, 0);
    }

    @Override
    public String type() {
        return "Hyperopt";
    }
}
