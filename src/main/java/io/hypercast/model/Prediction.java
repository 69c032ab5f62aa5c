package io.hypercast.model;

import java.time.Instant;

/** One forecast: the target interval starting at {@code time}, issued at {@code referenceTime}; {@code target} is null when the actual is unknown. */
public record Prediction(Instant time, Instant referenceTime, Double target, double prediction) {
}
