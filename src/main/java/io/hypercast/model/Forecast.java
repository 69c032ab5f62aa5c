package io.hypercast.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored forecast: the values a deployed model issued at {@code referenceTime}, from its fit at {@code fitTime}. */
public record Forecast(long id, UUID deploymentId, UUID modelId, Instant referenceTime, Instant fitTime, List<Point> points) {
    public record Point(Instant time, double value) {
    }
}
