package io.hypercast.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A NoTS node. {@code type} is the concrete kind (CsvObservations, TimeTrends, Resampling, FillNA,
 * TimeTransformations, TimeSeries, LightGBM); {@code settings} its configuration as JSON-like values
 * (for a model: {@code parameters}, the hyperparameters the user set).
 */
public record Node(UUID id, UUID projectId, String name, NodeKind kind, String type, Map<String, Object> settings) {
    public Node {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
    }

    public String setting(String key) {
        Object v = settings.get(key);
        return v == null ? null : v.toString();
    }
}
