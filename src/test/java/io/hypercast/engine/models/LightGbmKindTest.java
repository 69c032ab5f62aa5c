package io.hypercast.engine.models;

import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LogUniform;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LightGbmKindTest {
    static final ModelKind KIND = ModelKinds.get("LightGBM");

    static void assertMessageContains(InvalidInputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void registryAndSpecDefaults() {
        assertSame(LightGbmKind.INSTANCE, KIND);
        assertEquals("LightGBM", KIND.name());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelKinds.get("LightGMB"));
        assertMessageContains(e, "unknown model kind 'LightGMB'", "did you mean 'LightGBM'?");

        Map<String, Object> d = KIND.defaults();
        assertEquals(List.of("objective", "num_boost_round", "learning_rate", "max_depth", "max_leaves", "min_data_in_leaf",
                "min_child_weight", "min_gain_to_split", "subsample", "colsample_bytree", "reg_alpha", "reg_lambda", "alpha",
                "fit_on_null_values", "predict_on_null_values"), new ArrayList<>(d.keySet()));
        assertEquals("mean_squared_error", d.get("objective"));
        assertEquals(100L, d.get("num_boost_round"));
        assertEquals(0.1, d.get("learning_rate"));
        assertEquals(-1L, d.get("max_depth"));
        assertEquals(31L, d.get("max_leaves"));
        assertEquals(20L, d.get("min_data_in_leaf"));
        assertEquals(1e-3, d.get("min_child_weight"));
        assertEquals(0.0, d.get("min_gain_to_split"));
        assertEquals(1.0, d.get("subsample"));
        assertEquals(1.0, d.get("colsample_bytree"));
        assertEquals(0.0, d.get("reg_alpha"));
        assertEquals(0.0, d.get("reg_lambda"));
        assertEquals(0.9, d.get("alpha"));
        assertEquals(true, d.get("fit_on_null_values"));
        assertEquals(true, d.get("predict_on_null_values"));
        for (HyperparameterSpec h : KIND.hyperparameters()) {
            assertTrue(!h.description().isBlank() && !h.description().contains("\n"), h.name());
        }
    }

    @Test
    void resolveFillsDefaultsAndRoundsIntegers() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("max_leaves", 40.4);
        in.put("num_boost_round", 250.6);
        in.put("learning_rate", 0.05);
        in.put("min_child_weight", 5L);
        in.put("objective", "quantile");
        in.put("max_depth", 7); // an Integer from Java code
        in.put("alpha", null);  // null = not set
        Map<String, Object> r = KIND.resolve(in, "parameters");
        assertEquals(new ArrayList<>(KIND.defaults().keySet()), new ArrayList<>(r.keySet()), "spec order");
        assertEquals(251L, r.get("num_boost_round"));
        assertEquals(40L, r.get("max_leaves"));
        assertEquals(7L, r.get("max_depth"));
        assertEquals(0.05, r.get("learning_rate"));
        assertEquals(5L, r.get("min_child_weight"), "a whole number stays as given on a decimal parameter");
        assertEquals("quantile", r.get("objective"));
        assertEquals(0.9, r.get("alpha"));
        assertEquals(20L, r.get("min_data_in_leaf"));
        assertInstanceOf(Long.class, KIND.resolve(Map.of("max_depth", 2.5), "").get("max_depth"));
        assertEquals(3L, KIND.resolve(Map.of("max_depth", 2.5), "").get("max_depth"), "half rounds up");
        assertEquals(KIND.defaults(), KIND.resolve(Map.of(), "parameters"));
    }

    @Test
    void resolveRefusesUnknownWrongTypeAndOutOfRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> KIND.resolve(Map.of("learnig_rate", 0.1), "parameters"));
        assertEquals("parameters.learnig_rate", e.where());
        assertMessageContains(e, "unknown hyperparameter 'learnig_rate'", "did you mean 'learning_rate'?");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("eta", 0.1), ""));
        assertEquals("eta", e.where());
        assertMessageContains(e, "objective, num_boost_round");

        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("subsample", 1.5), "parameters"));
        assertEquals("parameters.subsample", e.where());
        assertMessageContains(e, "subsample must be a number in (0, 1], got 1.5");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("max_leaves", 1.4), "p"));
        assertMessageContains(e, "max_leaves must be an integer in [2, 131072], got 1.4 (rounded to 1)");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("learning_rate", 0L), "p"));
        assertMessageContains(e, "learning_rate must be a number > 0, got 0");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("max_depth", -2L), "p"));
        assertMessageContains(e, "max_depth must be an integer >= -1");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("num_boost_round", 3e9), "p"));
        assertMessageContains(e, "num_boost_round");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("alpha", 1.0), "p"));
        assertMessageContains(e, "alpha must be a number in (0, 1)");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("objective", "huber"), "p"));
        assertEquals("p.objective", e.where());
        assertMessageContains(e, "one of mean_squared_error, mean_absolute_error, mean_absolute_percentage_error, quantile", "'huber'");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("num_boost_round", "100"), "p"));
        assertMessageContains(e, "must be an integer", "got '100'");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("fit_on_null_values", 1L), "p"));
        assertMessageContains(e, "fit_on_null_values must be true or false, got 1");
        e = assertThrows(InvalidInputException.class, () -> KIND.resolve(Map.of("learning_rate", true), "p"));
        assertMessageContains(e, "learning_rate must be a number > 0, got the boolean true");
    }

    static SearchSpace space(String name, Distribution d) {
        Map<String, Distribution> m = new HashMap<>();
        m.put(name, d);
        return new SearchSpace(m);
    }

    static InvalidInputException refused(String name, Distribution d) {
        return assertThrows(InvalidInputException.class, () -> KIND.validate(space(name, d)));
    }

    @Test
    void validateAcceptsSensibleSpaces() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("num_boost_round", new LogUniform(100, 1000));
        m.put("max_depth", new QUniform(1, 12, 1));
        m.put("learning_rate", new LogUniform(0.005, 5)); // large but LightGBM takes it
        m.put("min_child_weight", new QUniform(0, 100, 5));
        m.put("objective", new Choice(List.of("mean_squared_error", "mean_absolute_error")));
        m.put("max_leaves", new QUniform(1, 64, 4)); // lower 1 is fine: the grid starts at 4
        m.put("subsample", new Uniform(0.5, 1));
        m.put("colsample_bytree", new QUniform(0.1, 1, 0.1));
        m.put("alpha", new Uniform(0.05, 0.95));
        m.put("fit_on_null_values", new Choice(List.of(true, false)));
        m.put("predict_on_null_values", new Constant(false));
        m.put("reg_alpha", new Choice(Arrays.asList(0L, 0.5, null))); // null: the default
        m.put("min_data_in_leaf", new QLogUniform(1, 200, 1));
        m.put("max_leaves", new Uniform(1.5, 64)); // rounds to 2 at the lower end
        KIND.validate(new SearchSpace(m));
    }

    @Test
    void validateRefusesWhatTheModelCannotTake() {
        InvalidInputException e = refused("num_boost_rounds", new Uniform(1, 2));
        assertEquals("search_space.num_boost_rounds", e.where());
        assertMessageContains(e, "unknown hyperparameter 'num_boost_rounds' for LightGBM", "did you mean 'num_boost_round'?");

        e = refused("objective", new Uniform(0, 1));
        assertEquals("search_space.objective", e.where());
        assertMessageContains(e, "objective takes a string", "Choice or Constant, not Uniform");
        e = refused("fit_on_null_values", new QUniform(0, 1, 1));
        assertMessageContains(e, "true or false");

        e = refused("objective", new Choice(List.of("mean_squared_error", "huber")));
        assertEquals("search_space.objective.choices[1]", e.where());
        assertMessageContains(e, "'huber'");
        e = refused("max_depth", new Choice(List.of(3L, "deep")));
        assertEquals("search_space.max_depth.choices[1]", e.where());
        assertMessageContains(e, "must be an integer");
        e = refused("fit_on_null_values", new Constant("yes"));
        assertEquals("search_space.fit_on_null_values.value", e.where());

        e = refused("subsample", new Uniform(0.5, 1.5));
        assertEquals("search_space.subsample.upper", e.where());
        assertMessageContains(e, "subsample must be a number in (0, 1]", "1.5");
        e = refused("subsample", new Uniform(0, 1));
        assertEquals("search_space.subsample.lower", e.where(), "0 is a drawable value and LightGBM refuses it");
        e = refused("max_leaves", new Uniform(1, 64));
        assertEquals("search_space.max_leaves.lower", e.where());
        assertMessageContains(e, "max_leaves must be an integer in [2, 131072]");
        e = refused("max_leaves", new QUniform(1, 64, 1));
        assertEquals("search_space.max_leaves.lower", e.where());
        e = refused("max_depth", new QUniform(-5, 10, 1));
        assertEquals("search_space.max_depth.lower", e.where());
        e = refused("learning_rate", new Uniform(-0.1, 0.3));
        assertEquals("search_space.learning_rate.lower", e.where());
        e = refused("alpha", new Uniform(0.5, 1));
        assertEquals("search_space.alpha.upper", e.where());
        e = refused("colsample_bytree", new QUniform(0, 1, 0.25));
        assertEquals("search_space.colsample_bytree.lower", e.where());
        e = refused("num_boost_round", new LogUniform(1, 1e12));
        assertEquals("search_space.num_boost_round.upper", e.where());
        e = refused("max_leaves", new Uniform(2, 1.4e5));
        assertEquals("search_space.max_leaves.upper", e.where());
    }
}
