package io.hypercast.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UNIX 5-field cron expression evaluated at wall time in {@code timeZone} (default UTC). The
 * expression is checked by the engine's cron schedule, not here, so that this package needs no
 * cron library.
 */
public record CronTiming(String expression, ZoneId timeZone) implements Timing {
    public CronTiming {
        Objects.requireNonNull(expression, "expression");
        if (timeZone == null) {
            timeZone = ZoneOffset.UTC;
        }
    }

    public CronTiming(String expression) {
        this(expression, ZoneOffset.UTC);
    }
}
