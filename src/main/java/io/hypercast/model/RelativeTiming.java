package io.hypercast.model;

import java.time.Duration;
import java.util.Objects;

/** An ISO-8601 duration relative to a reference time, e.g. {@code -P42D} or {@code PT24H}. */
public record RelativeTiming(Duration offset) implements Timing {
    public RelativeTiming {
        Objects.requireNonNull(offset, "offset");
    }

    public static RelativeTiming parse(String iso) {
        try {
            return new RelativeTiming(Duration.parse(iso.trim()));
        } catch (RuntimeException e) {
            throw new InvalidInputException("", "'" + iso + "' is not an ISO-8601 duration such as -P42D or PT24H");
        }
    }

    @Override
    public String toString() {
        return offset.toString();
    }
}
