package io.hypercast.model;

import java.time.Instant;
import java.util.UUID;

/** One run of a deployed policy at its scheduled time. {@code state} is SUCCESS or FAILURE once done. */
public record PolicyRun(long id, UUID deploymentId, UUID policyId, Instant scheduledTime, String state, Instant startedAt,
                        Instant finishedAt, Instant fitTime, Integer rows, String error) {

    public Double seconds() {
        return startedAt == null || finishedAt == null ? null : (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
