package io.hypercast.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameter name to distribution, in the order given. That names are hyperparameters of the
 * model's kind is checked by the engine's spec validation, which knows the kinds.
 */
public record SearchSpace(Map<String, Distribution> parameters) {
    public SearchSpace {
        if (parameters == null || parameters.isEmpty()) {
            throw new InvalidInputException("search_space", "the search space needs at least one parameter");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
