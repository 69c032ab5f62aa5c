package io.hypercast.client;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UNIX cron schedule at wall time in a zone (default UTC), e.g. {@code new CronTiming("0 0 * * 1", "Europe/London")}. */
public record CronTiming(String cronExpression, String timeZone) {
    public CronTiming(String cronExpression) {
        this(cronExpression, "UTC");
    }

    io.hypercast.model.CronTiming toModel() {
        return new io.hypercast.model.CronTiming(cronExpression, timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone));
    }
}
