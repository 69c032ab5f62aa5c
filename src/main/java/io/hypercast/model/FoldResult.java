package io.hypercast.model;

import java.time.Instant;

/** One fold of a backtest: its fit, how many rows it trained on and predicted, its metrics (null with no known target). */
public record FoldResult(int fold, Instant fitReferenceTime, int fitRows, double fitSeconds, int predictions,
                         int skippedNullFeatures, Metrics metrics) {
}
