package io.hypercast.engine.timing;

import io.hypercast.model.AbsoluteTiming;
import io.hypercast.model.CronTiming;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.Timing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firings of a reference timing (fit or predict reference times of a backtest): a cron schedule
 * or one absolute instant. A relative timing has no firings of its own (it needs a reference time),
 * so it is refused here.
 */
public final class Schedules {
    /** Where a refused timing is reported. */
    public static final String WHERE = "timing";

    // Backtests ask for the same few cron timings many times (every trial of an HPO); parsing is
    // cheap but not free, so parsed schedules are kept. Bounded so that a long session cannot grow it.
    private static final int CACHE_LIMIT = 256;
    private static final Map<CronTiming, CronSchedule> CACHE = new ConcurrentHashMap<>();

    private Schedules() {
    }

    /** Firings of {@code timing} in [startInclusive, endExclusive), ascending. */
    public static List<Instant> firings(Timing timing, Instant startInclusive, Instant endExclusive) {
        return firings(timing, startInclusive, endExclusive, Integer.MAX_VALUE);
    }

    /** The first {@code limit} firings of {@code timing} in [startInclusive, endExclusive), ascending. */
    public static List<Instant> firings(Timing timing, Instant startInclusive, Instant endExclusive, int limit) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (timing instanceof CronTiming cron) {
            return schedule(cron).between(startInclusive, endExclusive, limit);
        }
        if (timing instanceof AbsoluteTiming absolute) {
            Instant t = absolute.time();
            return limit > 0 && !t.isBefore(startInclusive) && t.isBefore(endExclusive) ? List.of(t) : List.of();
        }
        throw refused(timing);
    }

    /** The latest firing of {@code timing} at or before {@code t}, or null if there is none. */
    public static Instant latestAtOrBefore(Timing timing, Instant t) {
        Objects.requireNonNull(t, "t");
        if (timing instanceof CronTiming cron) {
            return schedule(cron).previousOrSame(t);
        }
        if (timing instanceof AbsoluteTiming absolute) {
            return absolute.time().isAfter(t) ? null : absolute.time();
        }
        throw refused(timing);
    }

    /** The parsed schedule of a cron timing; an invalid expression is an InvalidInputException (where cron_expression). */
    public static CronSchedule schedule(CronTiming cron) {
        CronSchedule cached = CACHE.get(cron);
        if (cached != null) {
            return cached;
        }
        CronSchedule parsed = CronSchedule.parse(cron.expression(), cron.timeZone());
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(cron, parsed);
        return parsed;
    }

    private static InvalidInputException refused(Timing timing) {
        if (timing instanceof RelativeTiming relative) {
            return new InvalidInputException(WHERE, "a relative timing (" + relative
                    + ") has no firings of its own; a reference timing must be a cron expression or an absolute time");
        }
        return new InvalidInputException(WHERE, "a timing is required");
    }
}
