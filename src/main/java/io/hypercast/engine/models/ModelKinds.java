package io.hypercast.engine.models;

import io.hypercast.engine.spec.Suggestions;
import io.hypercast.model.InvalidInputException;

import java.util.List;

/** The registry of model kinds; SPEC section 1 has LightGBM now and others later. */
public final class ModelKinds {
    private static final List<ModelKind> ALL = List.of(LightGbmKind.INSTANCE);

    private ModelKinds() {
    }

    public static List<ModelKind> all() {
        return ALL;
    }

    /** The kind with this exact name, or an InvalidInputException at {@code kind} suggesting the closest. */
    public static ModelKind get(String name) {
        for (ModelKind k : ALL) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        List<String> names = ALL.stream().map(ModelKind::name).toList();
        String hint = Suggestions.didYouMean(name, names);
        throw new InvalidInputException("kind", "unknown model kind '" + name + "'"
                + (hint.isEmpty() ? " (known: " + String.join(", ", names) + ")" : hint));
    }
}
