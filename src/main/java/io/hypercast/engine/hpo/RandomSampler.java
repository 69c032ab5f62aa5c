package io.hypercast.engine.hpo;

import io.hypercast.model.SearchSpace;
import java.util.List;
import java.util.Map;

/** Random search: every suggestion is an independent draw from the priors. */
public final class RandomSampler implements Sampler {
    private final PriorSampler prior;
    private final long seed;

    public RandomSampler(SearchSpace space, long seed) {
        this.prior = new PriorSampler(space);
        this.seed = seed;
    }

    @Override
    public Map<String, Object> suggest(int trialNumber, List<Observation> finished, List<Map<String, Object>> pending) {
        return prior.sample(TrialRandom.of(seed, trialNumber));
    }
}
