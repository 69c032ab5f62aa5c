package io.hypercast.model;

import java.util.Objects;

/** Independent random draws from the priors; the spec file calls it {@code Random}. */
public record RandomSearch(int numTrials, int maxConcurrentTrials, Metric metric, long seed) implements SearchAlgorithm {
    public RandomSearch {
        SearchAlgorithm.checkCounts(numTrials, maxConcurrentTrials);
        Objects.requireNonNull(metric, "metric");
    }

    @Override
    public String type() {
        return "Random";
    }
}
