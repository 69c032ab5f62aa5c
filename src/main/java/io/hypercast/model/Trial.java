package io.hypercast.model;

import java.time.Instant;
import java.util.Map;

/**
 * One backtest inside an HPO. {@code parameters} holds the optimized values as suggested (integers
 * as Long); {@code metrics} is null until COMPLETED; {@code worker} names where it ran: "local" (the
 * in-process pool), a cluster member's host:port, or null while unknown (queued, or written before
 * the store recorded it).
 */
public record Trial(
        String worker,
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
