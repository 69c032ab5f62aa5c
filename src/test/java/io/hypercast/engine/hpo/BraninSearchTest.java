package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.hpo.bench.Problem;
import io.hypercast.engine.hpo.bench.SamplerBench;
import io.hypercast.model.SearchSpace;
import org.junit.jupiter.api.Test;

class BraninSearchTest {

    @Test
    void tpeFindsLowerBraninValuesThanRandomSearch() {
        SearchSpace space = Problem.BRANIN.space();
        double tpe = SamplerBench.medianBest(Problem.BRANIN,
                seed -> new TpeSampler(space, seed, TpeSettings.hyperopt(20)), 100, 20);
        double random = SamplerBench.medianBest(Problem.BRANIN, seed -> new RandomSampler(space, seed), 100, 20);
        System.out.printf("Branin, 100 trials, median best over 20 seeds: TPE %.4f, Random %.4f (optimum 0.3979)%n",
                tpe, random);
        assertTrue(tpe < random, "TPE " + tpe + " is not below Random " + random);
    }
}
