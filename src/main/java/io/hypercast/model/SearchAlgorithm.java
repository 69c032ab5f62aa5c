package io.hypercast.model;

/** How suggestions are made: Hyperopt's TPE or plain random search (SPEC section 4). */
public sealed interface SearchAlgorithm permits Hyperopt, RandomSearch {
    int MAX_TRIALS = 150;
    int MAX_CONCURRENT_TRIALS = 5;

    String type();

    int numTrials();

    int maxConcurrentTrials();

    Metric metric();

    long seed();

    static void checkCounts(int numTrials, int maxConcurrentTrials) {
        if (numTrials < 1) {
            throw new InvalidInputException("num_trials", "must be at least 1, got " + numTrials);
        }
        if (maxConcurrentTrials < 1) {
            throw new InvalidInputException("max_concurrent_trials", "must be at least 1, got " + maxConcurrentTrials);
        }
        // the guardrails themselves (150 trials, 5 concurrent) are checked by the engine and raise
        // LimitExceededException, so that they report as limits, not as bad input.
    }
}
