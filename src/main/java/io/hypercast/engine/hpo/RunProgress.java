package io.hypercast.engine.hpo;

import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import java.util.UUID;

/**
 * A snapshot sent after each change of a run: its state, completed trials out of planned, the best
 * objective so far, and the trial that changed (null for run-level changes).
 */
public record RunProgress(UUID experimentId, HpoState state, int completed, int failed, int running, int planned,
                          Double bestObjective, Trial trial) {
}
