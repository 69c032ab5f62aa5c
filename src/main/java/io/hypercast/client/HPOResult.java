package io.hypercast.client;

import io.hypercast.engine.HpoResult;
import java.util.List;

/** An HPO's result: the best trial (null when none completed) and every trial. */
public final class HPOResult {
    private final HpoResult result;

    HPOResult(HpoResult result) {
        this.result = result;
    }

    public TrialResult bestTrial() {
        return result.bestTrial() == null ? null : new TrialResult(result, result.bestTrial());
    }

    public List<TrialResult> trials() {
        return result.trials().stream().map(t -> new TrialResult(result, t)).toList();
    }

    public boolean timedOut() {
        return result.experiment().timedOut();
    }
}
