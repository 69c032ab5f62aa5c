package io.hypercast.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A backtest or an HPO with the state of its run. {@code hpo} is null for a backtest; {@code
 * backtest} is always set (for an HPO it is the HPO's backtest definition).
 */
public record Experiment(
        UUID id,
        UUID projectId,
        ExperimentKind kind,
        String title,
        UUID modelId,
        BacktestSpec backtest,
        HpoSpec hpo,
        HpoState state,
        String creator,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        boolean timedOut,
        String error) {

    /** The number of trials the run aims for: num_trials for an HPO, 1 for a backtest. */
    public int plannedTrials() {
        return hpo == null ? 1 : hpo.searchAlgorithm().numTrials();
    }
}
