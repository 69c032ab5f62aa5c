package io.hypercast.engine.hpo;

import io.hypercast.model.Hyperopt;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.SearchAlgorithm;
import io.hypercast.model.SearchSpace;
import java.util.Objects;

/** The sampler of a search algorithm, seeded by the algorithm's seed. */
public final class Samplers {
    private Samplers() {
    }

    public static Sampler create(SearchSpace space, SearchAlgorithm algo) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(algo, "algo");
        if (algo instanceof Hyperopt h) {
            return new TpeSampler(space, h.seed(), TpeSettings.hyperopt(h.nStartupJobs()));
        }
        if (algo instanceof RandomSearch r) {
            return new RandomSampler(space, r.seed());
        }
        throw new IllegalArgumentException("unknown search algorithm " + algo.type());
    }
}
