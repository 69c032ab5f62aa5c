package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.LogUniform;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values come out in their canonical types: Long for integral distributions, Double otherwise, Choice values as themselves. */
class ValueTypesTest {

    private static SearchSpace space() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("rate", new Uniform(0, 1));
        p.put("alpha", new LogUniform(1e-6, 1));
        p.put("depth", new QUniform(1, 12, 1));
        p.put("leaves", new QLogUniform(8, 256, 1));
        p.put("half", new QUniform(0.5, 5, 0.5));
        p.put("tol", new QLogUniform(1e-4, 1e-1, 5e-4));
        p.put("loss", new Choice(Arrays.asList("huber", true, null, 3L)));
        p.put("kind", new Constant("gbdt"));
        return new SearchSpace(p);
    }

    /** 40 random draws, then 200 TPE suggestions after them: both samplers' outputs. */
    private static List<Map<String, Object>> suggestions() {
        SearchSpace space = space();
        TpeSampler tpe = new TpeSampler(space, 1, TpeSettings.hyperopt(20));
        List<Observation> finished = new ArrayList<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (int t = 0; t < 240; t++) {
            Map<String, Object> x = tpe.suggest(t, t < 40 ? finished : finished.subList(0, 40), List.of());
            all.add(x);
            if (t < 40) {
                finished.add(new Observation(x, ((Number) x.get("rate")).doubleValue()));
            }
        }
        return all;
    }

    @Test
    void integralDistributionsYieldLong() {
        for (Map<String, Object> x : suggestions()) {
            assertInstanceOf(Long.class, x.get("depth"));
            assertInstanceOf(Long.class, x.get("leaves"));
        }
    }

    @Test
    void otherNumericDistributionsYieldDouble() {
        for (Map<String, Object> x : suggestions()) {
            assertInstanceOf(Double.class, x.get("rate"));
            assertInstanceOf(Double.class, x.get("alpha"));
            assertInstanceOf(Double.class, x.get("half"));
            assertInstanceOf(Double.class, x.get("tol"));
        }
    }

    @Test
    void choiceYieldsTheValueItselfNeverAnIndex() {
        Set<Object> seen = new HashSet<>();
        for (Map<String, Object> x : suggestions()) {
            assertTrue(x.containsKey("loss"));
            Object v = x.get("loss");
            assertTrue(v == null || "huber".equals(v) || Boolean.TRUE.equals(v) || Long.valueOf(3).equals(v),
                    "unexpected Choice value " + v);
            seen.add(v);
        }
        assertEquals(new HashSet<>(Arrays.asList("huber", true, null, 3L)), seen);
    }

    @Test
    void constantAlwaysYieldsItsValue() {
        for (Map<String, Object> x : suggestions()) {
            assertEquals("gbdt", x.get("kind"));
        }
    }

    @Test
    void suggestionsListEveryParameterInSpaceOrder() {
        List<String> order = new ArrayList<>(space().parameters().keySet());
        for (Map<String, Object> x : suggestions()) {
            assertEquals(order, new ArrayList<>(x.keySet()));
        }
    }
}
