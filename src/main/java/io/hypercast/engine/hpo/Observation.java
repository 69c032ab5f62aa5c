package io.hypercast.engine.hpo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A completed trial as the samplers see it: its parameters and its finite objective (lower is
 * better). Failed trials have no loss and are not observations.
 */
public record Observation(Map<String, Object> parameters, double loss) {
    public Observation {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        if (!Double.isFinite(loss)) {
            throw new IllegalArgumentException("loss must be finite, got " + loss);
        }
        // a copy that tolerates null values: a Choice may hold null
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
