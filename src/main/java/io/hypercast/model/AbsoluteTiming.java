package io.hypercast.model;

import java.time.Instant;
import java.util.Objects;

public record AbsoluteTiming(Instant time) implements Timing {
    public AbsoluteTiming {
        Objects.requireNonNull(time, "time");
    }
}
