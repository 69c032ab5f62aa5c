package io.hypercast.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A schedule attached to a model. For MODEL_FIT the timings bound the training targets relative to
 * each firing ([s + start, s + end), end &lt;= 0); for TS_RUN they bound the forecast horizon.
 */
public record Policy(UUID id, UUID projectId, PolicyKind kind, UUID modelId, CronTiming schedule, RelativeTiming startTiming,
                     RelativeTiming endTiming, Instant createdAt) {
    public Policy {
        Objects.requireNonNull(kind, "kind");
        if (schedule == null) {
            throw new InvalidInputException("schedule", "is required");
        }
        if (startTiming == null || endTiming == null) {
            throw new InvalidInputException(startTiming == null ? "start_timing" : "end_timing", "is required");
        }
        if (startTiming.offset().compareTo(endTiming.offset()) >= 0) {
            throw new InvalidInputException("start_timing", "must be before end_timing (" + endTiming + "), got " + startTiming);
        }
        if (kind == PolicyKind.MODEL_FIT && endTiming.offset().isNegative() == false && !endTiming.offset().isZero()) {
            throw new InvalidInputException("end_timing", "a fit may use only data up to its time: must be <= 0, got " + endTiming);
        }
    }
}
