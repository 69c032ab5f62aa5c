package io.hypercast.model;

/** When something happens: an instant, an offset from a reference time, or a cron schedule (SPEC section 2). */
public sealed interface Timing permits AbsoluteTiming, RelativeTiming, CronTiming {
}
