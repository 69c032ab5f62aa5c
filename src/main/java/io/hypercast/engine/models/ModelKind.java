package io.hypercast.engine.models;

import io.hypercast.engine.spec.Suggestions;
import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.Grid;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LogUniform;
import io.hypercast.model.Num;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Uniform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of model (LightGBM now, others later): its hyperparameters, and the checks that turn user
 * input into the values the model uses. The default methods hold the rules every kind shares, so a
 * new kind only lists its hyperparameters.
 */
public interface ModelKind {

    /** The kind's name as the spec and the store spell it, e.g. {@code LightGBM}. */
    String name();

    /** Every hyperparameter in the kind's documented order. */
    List<HyperparameterSpec> hyperparameters();

    default Optional<HyperparameterSpec> hyperparameter(String name) {
        return hyperparameters().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Every hyperparameter's default, in order. */
    default Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        hyperparameters().forEach(h -> out.put(h.name(), h.defaultValue()));
        return out;
    }

    /**
     * The full parameter map the model uses, in the kind's order: given values checked and made
     * canonical (integers rounded to the nearest Long), defaults filled in for the rest. A null
     * value means "not set". Unknown names, wrong types and out-of-range values are refused, at
     * {@code where.<name>}.
     */
    default Map<String, Object> resolve(Map<String, ?> values, String where) {
        for (String key : values.keySet()) {
            requireKnown(key, join(where, key));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (HyperparameterSpec h : hyperparameters()) {
            Object v = values.get(h.name());
            out.put(h.name(), v == null ? h.defaultValue() : h.check(v, join(where, h.name())));
        }
        return out;
    }

    /** Checks a search space against this kind, locating errors at {@code search_space.<name>}. */
    default void validate(SearchSpace space) {
        validate(space, "search_space");
    }

    /**
     * Refuses what the model could not take: unknown names (suggesting the closest), a numeric
     * distribution on a string or boolean parameter, a Choice or Constant value of the wrong type or
     * not allowed, and bounds that would let the search draw a value outside the parameter's range
     * (for integer parameters, after the rounding the model applies). A null Choice value means "the
     * default" and is allowed.
     */
    default void validate(SearchSpace space, String where) {
        for (Map.Entry<String, Distribution> e : space.parameters().entrySet()) {
            String at = join(where, e.getKey());
            HyperparameterSpec h = requireKnown(e.getKey(), at);
            Distribution d = e.getValue();
            if (d instanceof Choice c) {
                for (int i = 0; i < c.choices().size(); i++) {
                    Object v = c.choices().get(i);
                    if (v != null) {
                        h.check(v, at + ".choices[" + i + "]");
                    }
                }
                continue;
            }
            if (d instanceof Constant c) {
                if (c.value() != null) {
                    h.check(c.value(), at + ".value");
                }
                continue;
            }
            if (!h.numeric()) {
                throw new InvalidInputException(at, h.name() + " takes " + (h.type() == HyperparameterSpec.Type.BOOLEAN
                        ? "true or false" : "a string") + ", so it needs a Choice or Constant, not " + d.type());
            }
            double[] reach = reach(d);
            checkEnd(h, reach[0], at + ".lower", "lower");
            checkEnd(h, reach[1], at + ".upper", "upper");
        }
    }

    private HyperparameterSpec requireKnown(String key, String at) {
        return hyperparameter(key).orElseThrow(() -> {
            List<String> names = hyperparameters().stream().map(HyperparameterSpec::name).toList();
            String hint = Suggestions.didYouMean(key, names);
            return new InvalidInputException(at, "unknown hyperparameter '" + key + "' for " + name()
                    + (hint.isEmpty() ? " (it has " + String.join(", ", names) + ")" : hint));
        });
    }

    /** The lowest and highest value a numeric distribution can yield (its grid ends when quantized). */
    private static double[] reach(Distribution d) {
        if (d instanceof Uniform u) {
            return new double[] {u.lower(), u.upper()};
        }
        if (d instanceof LogUniform u) {
            return new double[] {u.lower(), u.upper()};
        }
        if (d instanceof QUniform u) {
            return new double[] {Grid.value(u.kMin(), u.q()), Grid.value(u.kMax(), u.q())};
        }
        QLogUniform u = (QLogUniform) d;
        return new double[] {Grid.value(u.kMin(), u.q()), Grid.value(u.kMax(), u.q())};
    }

    private static void checkEnd(HyperparameterSpec h, double v, String at, String which) {
        if (!h.admits(v)) {
            String rounding = h.type() == HyperparameterSpec.Type.INT && v != Math.rint(v)
                    ? " (rounded to " + Math.round(v) + ")" : "";
            throw new InvalidInputException(at, h.name() + " must be " + h.rule() + ", but the search could draw "
                    + Num.format(v) + rounding + " at its " + which + " end");
        }
    }

    private static String join(String where, String key) {
        return where == null || where.isEmpty() ? key : where + "." + key;
    }
}
