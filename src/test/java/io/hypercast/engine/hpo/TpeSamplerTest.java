package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.model.Choice;
import io.hypercast.model.Distribution;
import io.hypercast.model.LogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static SearchSpace space() {
        Map<String, Distribution> p = new LinkedHashMap<>();
        p.put("x", new Uniform(-5, 5));
        p.put("lr", new LogUniform(1e-4, 1));
        p.put("depth", new QUniform(1, 12, 1));
        p.put("loss", new Choice(List.of("l2", "l1", "huber")));
        return new SearchSpace(p);
    }

    /** A fixed fake objective: best near x = 1, lr = 0.01, depth = 6, loss = huber. */
    private static double objective(Map<String, Object> p) {
        double x = ((Number) p.get("x")).doubleValue() - 1;
        double lr = Math.log10(((Number) p.get("lr")).doubleValue()) + 2;
        double depth = (((Number) p.get("depth")).doubleValue() - 6) / 3;
        double loss = "huber".equals(p.get("loss")) ? 0 : 1;
        return x * x + lr * lr + depth * depth + loss;
    }

    private static List<Map<String, Object>> run(long seed, int trials) {
        TpeSampler tpe = new TpeSampler(space(), seed, TpeSettings.hyperopt(20));
        List<Observation> finished = new ArrayList<>();
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Object> p = tpe.suggest(t, finished, List.of());
            suggestions.add(p);
            finished.add(new Observation(p, objective(p)));
        }
        return suggestions;
    }

    private static List<Observation> history(int n) {
        List<Observation> finished = new ArrayList<>();
        RandomSampler random = new RandomSampler(space(), 77);
        for (int t = 0; t < n; t++) {
            Map<String, Object> p = random.suggest(t, List.of(), List.of());
            finished.add(new Observation(p, objective(p)));
        }
        return finished;
    }

    @Test
    void sameSeedGivesTheSameSuggestions() {
        assertEquals(run(42, 40), run(42, 40));
    }

    @Test
    void differentSeedsGiveDifferentSuggestions() {
        assertNotEquals(run(42, 40), run(43, 40));
    }

    @Test
    void suggestionDependsOnlyOnSeedTrialNumberAndTrials() {
        List<Observation> finished = history(30);
        TpeSampler a = new TpeSampler(space(), 5, TpeSettings.hyperopt(20));
        TpeSampler b = new TpeSampler(space(), 5, TpeSettings.hyperopt(20));
        Map<String, Object> first = a.suggest(31, finished, List.of());
        for (int t = 0; t < 10; t++) {
            a.suggest(t, finished, List.of()); // earlier calls leave no trace
        }
        assertEquals(first, a.suggest(31, finished, List.of()));
        assertEquals(first, b.suggest(31, finished, List.of()));
        assertNotEquals(first, a.suggest(32, finished, List.of()));
    }

    @Test
    void pendingTrialsChangeTheSuggestion() {
        List<Observation> finished = history(40);
        TpeSampler tpe = new TpeSampler(space(), 8, TpeSettings.hyperopt(20));
        int changed = 0;
        for (int t = 40; t < 60; t++) {
            Map<String, Object> alone = tpe.suggest(t, finished, List.of());
            // the liar: the same point is already running, so it counts as bad
            Map<String, Object> withPending = tpe.suggest(t, finished, List.of(alone, alone));
            if (!alone.equals(withPending)) {
                changed++;
            }
        }
        assertTrue(changed >= 15, "pending trials changed only " + changed + " of 20 suggestions");
    }

    @Test
    void suggestsFromThePriorUntilStartupTrialsExist() {
        SearchSpace space = space();
        TpeSampler tpe = new TpeSampler(space, 3, TpeSettings.hyperopt(20));
        RandomSampler random = new RandomSampler(space, 3);
        List<Observation> finished = history(19);
        assertEquals(random.suggest(19, List.of(), List.of()), tpe.suggest(19, finished, List.of()));
    }

    @Test
    void pendingTrialsCountTowardsTheStartupTrials() {
        SearchSpace space = space();
        TpeSampler tpe = new TpeSampler(space, 3, TpeSettings.hyperopt(20));
        RandomSampler random = new RandomSampler(space, 3);
        List<Observation> finished = history(19);
        List<Map<String, Object>> pending = List.of(finished.get(0).parameters());
        assertNotEquals(random.suggest(20, List.of(), List.of()), tpe.suggest(20, finished, pending));
    }

    @Test
    void concentratesSuggestionsNearTheGoodTrials() {
        List<Map<String, Object>> s = run(11, 100);
        int nearGood = 0;
        for (Map<String, Object> p : s.subList(60, 100)) {
            if (Math.abs(((Number) p.get("x")).doubleValue() - 1) < 1) {
                nearGood++;
            }
        }
        // random search puts 8 of 40 there on average (a fifth of the range), 13 or more about 1 time in 30;
        // hyperopt's broad good density keeps exploring, so 14 to 20 over seeds 0..29
        assertTrue(nearGood >= 13, "only " + nearGood + " of the last 40 suggestions near x = 1");
    }
}
