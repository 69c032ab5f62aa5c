package io.hypercast.model;

import java.time.Instant;
import java.util.Map;

/**
 * One backtest inside an HPO. {@code parameters} holds the optimized values as suggested (integers
 * as Long); {@code metrics} is null until COMPLETED; {@code member} names where it ran.
 */
public record Trial(
        long jobId,
        int number,
        TrialState state,
        Map<String, Object> parameters,
        Metrics metrics,
        Double objective,
        String error,
        Instant startedAt,
        Instant finishedAt,
        long seed) {

    /** Run time in seconds, or null while it has not both started and finished. */
    public Double seconds() {
        if (startedAt == null || finishedAt == null) {
            return null;
        }
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
