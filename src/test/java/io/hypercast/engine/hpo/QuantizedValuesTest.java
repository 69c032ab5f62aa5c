package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.Distribution;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantized values always lie on the grid of multiples of q inside [lower, upper], whichever sampler draws them. */
class QuantizedValuesTest {
    private static final int DRAWS = 10_000;

    private static SearchSpace space() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("step50", new QUniform(10, 1000, 50));
        p.put("logstep", new QLogUniform(1e-4, 1e-1, 5e-4));
        p.put("month", new QUniform(1, 12, 1));
        return new SearchSpace(p);
    }

    @Test
    void randomSearchKeepsQuantizedValuesOnTheGridInsideTheBounds() {
        RandomSampler random = new RandomSampler(space(), 3);
        List<Map<String, Object>> draws = new ArrayList<>();
        for (int t = 0; t < DRAWS; t++) {
            draws.add(random.suggest(t, List.of(), List.of()));
        }
        assertAllOnGrid(draws);
        assertEquals(12, draws.stream().map(x -> x.get("month")).distinct().count(), "every month is reachable");
    }

    @Test
    void tpeKeepsQuantizedValuesOnTheGridInsideTheBounds() {
        SearchSpace space = space();
        // a history whose good trials sit at the low edges, where rounding would leave the grid
        RandomSampler random = new RandomSampler(space, 5);
        List<Observation> finished = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            Map<String, Object> x = random.suggest(t, List.of(), List.of());
            double loss = ((Number) x.get("step50")).doubleValue() + 1e4 * ((Number) x.get("logstep")).doubleValue()
                    + ((Number) x.get("month")).doubleValue();
            finished.add(new Observation(x, loss));
        }
        TpeSampler tpe = new TpeSampler(space, 9, TpeSettings.hyperopt(20));
        List<Map<String, Object>> draws = new ArrayList<>();
        for (int t = 30; t < 30 + DRAWS; t++) {
            draws.add(tpe.suggest(t, finished, List.of()));
        }
        assertAllOnGrid(draws);
    }

    private static void assertAllOnGrid(List<Map<String, Object>> draws) {
        for (Map<String, Object> x : draws) {
            long step50 = assertInstanceOf(Long.class, x.get("step50"));
            assertTrue(step50 >= 50 && step50 <= 1000 && step50 % 50 == 0, "QUniform(10, 1000, 50) gave " + step50);

            double logstep = assertInstanceOf(Double.class, x.get("logstep"));
            double k = logstep / 5e-4;
            assertTrue(logstep >= 5e-4 && logstep <= 0.1, "QLogUniform(1e-4, 0.1, 5e-4) gave " + logstep);
            assertEquals(Math.rint(k), k, 1e-9, "QLogUniform(1e-4, 0.1, 5e-4) gave off-grid " + logstep);

            long month = assertInstanceOf(Long.class, x.get("month"));
            assertTrue(month >= 1 && month <= 12, "QUniform(1, 12, 1) gave " + month);
        }
    }
}
