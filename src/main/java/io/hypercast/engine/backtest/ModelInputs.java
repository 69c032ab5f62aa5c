package io.hypercast.engine.backtest;

import io.hypercast.engine.data.Series;
import java.util.List;

/** What a model reads: its target series and its feature series (with their availability), by name. */
public record ModelInputs(String targetName, Series target, List<String> featureNames, List<Series> features) {
    public ModelInputs {
        featureNames = List.copyOf(featureNames);
        features = List.copyOf(features);
        if (featureNames.size() != features.size()) {
            throw new IllegalArgumentException("one name per feature");
        }
    }
}
