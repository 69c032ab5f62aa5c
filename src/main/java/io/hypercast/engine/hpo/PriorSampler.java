package io.hypercast.engine.hpo;

import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws values from the priors: uniform in model space (log space for the log distributions),
 * quantized ones rounded to the grid and clamped into the bounds, so QUniform(10, 1000, 50) never
 * yields 0.
 */
final class PriorSampler {
    private final SearchSpace space;
    private final Map<String, Axis> axes = new LinkedHashMap<>();

    PriorSampler(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        space.parameters().forEach((name, d) -> axes.put(name, Axis.of(d)));
    }

    /** One value per parameter, in space order. */
    Map<String, Object> sample(RandomGenerator rng) {
        Map<String, Object> values = new LinkedHashMap<>();
        space.parameters().forEach((name, d) -> values.put(name, draw(d, axes.get(name), rng)));
        return values;
    }

    /** One value of a single distribution. */
    static Object draw(Distribution d, RandomGenerator rng) {
        return draw(d, Axis.of(d), rng);
    }

    private static Object draw(Distribution d, Axis axis, RandomGenerator rng) {
        if (axis != null) {
            return axis.valueAt(axis.low() + rng.nextDouble() * (axis.high() - axis.low()));
        }
        if (d instanceof Choice c) {
            return c.choices().get(rng.nextInt(c.choices().size()));
        }
        return ((Constant) d).value();
    }
}
