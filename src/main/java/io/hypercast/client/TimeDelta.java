package io.hypercast.client;

import io.hypercast.model.RelativeTiming;
import java.time.Duration;

/** A duration relative to a reference time, e.g. {@code TimeDelta.of("-P42D")} or {@code TimeDelta.hours(24)}. */
public record TimeDelta(Duration duration) {
    public static TimeDelta of(String iso) {
        return new TimeDelta(RelativeTiming.parse(iso).offset());
    }

    public static TimeDelta days(long n) {
        return new TimeDelta(Duration.ofDays(n));
    }

    public static TimeDelta hours(long n) {
        return new TimeDelta(Duration.ofHours(n));
    }

    public static TimeDelta minutes(long n) {
        return new TimeDelta(Duration.ofMinutes(n));
    }

    RelativeTiming toModel() {
        return new RelativeTiming(duration);
    }
}
