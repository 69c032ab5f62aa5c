package io.hypercast.client;

import io.hypercast.model.Metric;

/** Random search: independent draws from the priors. */
public record RandomSearch(int numTrials, int maxConcurrentTrials, String metric, long seed) implements SearchAlgorithm {
    public RandomSearch(int numTrials, int maxConcurrentTrials) {
        this(numTrials, maxConcurrentTrials, "rmse", 0);
    }

    @Override
    public io.hypercast.model.SearchAlgorithm toModel() {
        return new io.hypercast.model.RandomSearch(numTrials, maxConcurrentTrials, Metric.parse(metric), seed);
    }
}
