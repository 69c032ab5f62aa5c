package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hypercast.model.Hyperopt;
import io.hypercast.model.Metric;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplersTest {
    private static final SearchSpace SPACE = new SearchSpace(Map.of("x", new Uniform(0, 1)));

    @Test
    void hyperoptGetsTpeWithItsStartupJobs() {
        Sampler s = Samplers.create(SPACE, new Hyperopt(10, 1, 7, Metric.RMSE, 1));
        TpeSampler tpe = assertInstanceOf(TpeSampler.class, s);
        assertEquals(TpeSettings.hyperopt(7), tpe.settings());
    }

    @Test
    void randomSearchGetsRandomSamplerSeededByTheAlgorithm() {
        Sampler s = Samplers.create(SPACE, new RandomSearch(10, 1, Metric.MAE, 9));
        assertInstanceOf(RandomSampler.class, s);
        assertEquals(new RandomSampler(SPACE, 9).suggest(4, List.of(), List.of()), s.suggest(4, List.of(), List.of()));
    }
}
